package com.carmutual.shared.time;

import java.time.ZoneId;

/** The business time zone: where "today" and "yesterday" are reckoned. */
public record BusinessZone(ZoneId zone) {}
