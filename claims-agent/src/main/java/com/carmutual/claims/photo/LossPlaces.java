package com.carmutual.claims.photo;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coordinates of a loss place without a network: a "lat,lon" pair written in the place, else a
 * small table of cities. Places it cannot place give no coordinates (GPS check = unknown).
 */
public final class LossPlaces {
  private static final Pattern LAT_LON = Pattern.compile("(-?\\d{1,2}(?:\\.\\d+)?)\\s*,\\s*(-?\\d{1,3}(?:\\.\\d+)?)");
  private static final Map<String, double[]> CITIES =
      Map.ofEntries(
          Map.entry("shanghai", new double[] {31.2304, 121.4737}), Map.entry("上海", new double[] {31.2304, 121.4737}),
          Map.entry("beijing", new double[] {39.9042, 116.4074}), Map.entry("北京", new double[] {39.9042, 116.4074}),
          Map.entry("shenzhen", new double[] {22.5431, 114.0579}), Map.entry("深圳", new double[] {22.5431, 114.0579}),
          Map.entry("guangzhou", new double[] {23.1291, 113.2644}), Map.entry("广州", new double[] {23.1291, 113.2644}),
          Map.entry("hangzhou", new double[] {30.2741, 120.1551}), Map.entry("杭州", new double[] {30.2741, 120.1551}),
          Map.entry("chengdu", new double[] {30.5728, 104.0668}), Map.entry("成都", new double[] {30.5728, 104.0668}),
          Map.entry("nanjing", new double[] {32.0603, 118.7969}), Map.entry("南京", new double[] {32.0603, 118.7969}),
          Map.entry("wuhan", new double[] {30.5928, 114.3055}), Map.entry("武汉", new double[] {30.5928, 114.3055}),
          Map.entry("suzhou", new double[] {31.2989, 120.5853}), Map.entry("苏州", new double[] {31.2989, 120.5853}),
          Map.entry("new york", new double[] {40.7128, -74.0060}),
          Map.entry("los angeles", new double[] {34.0522, -118.2437}),
          Map.entry("chicago", new double[] {41.8781, -87.6298}),
          Map.entry("houston", new double[] {29.7604, -95.3698}),
          Map.entry("austin", new double[] {30.2672, -97.7431}),
          Map.entry("dallas", new double[] {32.7767, -96.7970}),
          Map.entry("phoenix", new double[] {33.4484, -112.0740}),
          Map.entry("philadelphia", new double[] {39.9526, -75.1652}),
          Map.entry("san antonio", new double[] {29.4241, -98.4936}),
          Map.entry("san diego", new double[] {32.7157, -117.1611}),
          Map.entry("san francisco", new double[] {37.7749, -122.4194}),
          Map.entry("seattle", new double[] {47.6062, -122.3321}),
          Map.entry("denver", new double[] {39.7392, -104.9903}),
          Map.entry("boston", new double[] {42.3601, -71.0589}),
          Map.entry("atlanta", new double[] {33.7490, -84.3880}),
          Map.entry("miami", new double[] {25.7617, -80.1918}),
          Map.entry("detroit", new double[] {42.3314, -83.0458}),
          Map.entry("minneapolis", new double[] {44.9778, -93.2650}),
          Map.entry("las vegas", new double[] {36.1699, -115.1398}),
          Map.entry("portland", new double[] {45.5152, -122.6784}));

  private LossPlaces() {}

  /** Latitude and longitude of {@code place}, when it can be told offline. */
  public static Optional<double[]> coordinates(String place) {
    if (place == null || place.isBlank()) {
      return Optional.empty();
    }
    Matcher m = LAT_LON.matcher(place);
    if (m.find()) {
      double lat = Double.parseDouble(m.group(1));
      double lon = Double.parseDouble(m.group(2));
      if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
        return Optional.of(new double[] {lat, lon});
      }
    }
    String p = place.toLowerCase(Locale.ROOT);
    return CITIES.entrySet().stream()
        .filter(e -> p.contains(e.getKey()))
        .sorted((a, b) -> b.getKey().length() - a.getKey().length())
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Great-circle distance in kilometres. */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double r = 6371.0;
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * r * Math.asin(Math.sqrt(a));
  }
}
