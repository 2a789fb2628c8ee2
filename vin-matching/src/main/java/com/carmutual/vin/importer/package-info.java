/**
 * The vPIC importer (a command-line main): builds the compact data file from a vPIC export.
 */
package com.carmutual.vin.importer;
