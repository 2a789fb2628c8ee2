/**
 * HTTP API of vin-matching: controllers and their request and response records. Controllers only
 * validate and delegate; values are non-null unless marked {@code @Nullable}.
 */
package com.carmutual.vin.api;
