/**
 * The compact vPIC data file (format, loader). Values are non-null; absent text is the empty string.
 */
package com.carmutual.vin.vpic;
