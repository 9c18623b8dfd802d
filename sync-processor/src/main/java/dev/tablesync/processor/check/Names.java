package dev.tablesync.processor.check;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions and lists of names, for messages. Names compare ignoring case. */
final class Names {

  /** Longer lists are cut, so that a big schema does not flood the message. */
  private static final int MAX_LISTED = 30;

  private Names() {}

  /**
   * {@code "did you mean 'supplier_name'? "} for the candidate closest to {@code name}, or an empty
   * string when none is close enough to be a typo.
   */
  static String didYouMean(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> "did you mean '" + c + "'? ").orElse("");
  }

  /**
   * The candidate a typo of {@code name} most likely meant: the one fewest edits away, at most a
   * third of the name's length, ignoring case and underscores ({@code supplierId} is close to
   * {@code supplier_id}). Ties go to the earlier candidate.
   */
  static Optional<String> closest(String name, Collection<String> candidates) {
    String wanted = normalized(name);
    int allowed = Math.max(1, wanted.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = editDistance(wanted, normalized(candidate));
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code a, b, c}, cut after {@value #MAX_LISTED} names. */
  static String list(Collection<String> names) {
    List<String> all = List.copyOf(names);
    if (all.isEmpty()) {
      return "(none)";
    }
    if (all.size() <= MAX_LISTED) {
      return String.join(", ", all);
    }
    return String.join(", ", all.subList(0, MAX_LISTED))
        + " and "
        + (all.size() - MAX_LISTED)
        + " more";
  }

  private static String normalized(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  /**
   * The fewest single-character inserts, deletes, changes and swaps of neighbours that turn {@code
   * a} into {@code b} (optimal string alignment), so that {@code nmae} is one edit from {@code
   * name}.
   */
  private static int editDistance(String a, String b) {
    int[][] distance = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      distance[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      distance[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        distance[i][j] =
            Math.min(
                distance[i - 1][j - 1] + change,
                Math.min(distance[i - 1][j], distance[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          distance[i][j] = Math.min(distance[i][j], distance[i - 2][j - 2] + 1);
        }
      }
    }
    return distance[a.length()][b.length()];
  }
}
