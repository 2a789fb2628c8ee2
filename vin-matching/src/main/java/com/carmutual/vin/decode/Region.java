package com.carmutual.vin.decode;

/** The ISO 3780 region of a VIN's first character. */
enum Region {
  AFRICA,
  ASIA,
  EUROPE,
  NORTH_AMERICA,
  OCEANIA,
  SOUTH_AMERICA;

  static Region of(char first) {
    if (first >= '1' && first <= '5') {
      return NORTH_AMERICA;
    }
    if (first == '6' || first == '7') {
      return OCEANIA;
    }
    if (first == '8' || first == '9' || first == '0') {
      return SOUTH_AMERICA;
    }
    if (first >= 'A' && first <= 'H') {
      return AFRICA;
    }
    if (first >= 'J' && first <= 'R') {
      return ASIA;
    }
    return EUROPE;
  }

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
