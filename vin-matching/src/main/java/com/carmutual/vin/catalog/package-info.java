/**
 * The pricing catalog: table, CSV validation, atomic replace, seed. Values are non-null unless
 * marked {@code @Nullable}.
 */
package com.carmutual.vin.catalog;
