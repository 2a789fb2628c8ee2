/** A small RFC 4180 CSV reader shared by the importer and the catalog. */
package com.carmutual.vin.csv;
