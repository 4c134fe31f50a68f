package org.gatehouse.compliance.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One clause of the requirements catalogue (REQUIREMENTS.md §1–§4) with its catalogue ID kept as
 * written: a single item ({@code B.1.3.1-ib}, {@code C.3}), a range ({@code 8.3-em..eo}), a list
 * ({@code 8.2-ek, el}) or several clauses together ({@code B.1.4.1, B.1.4.7}). {@link #covers} answers
 * for one item of it ({@code 8.3-en}).
 */
public record Clause(String id, int section, String titleEn, String titleZh, String mustEn, String mustZh) {
    public Clause {
        if (id == null || id.isBlank() || section < 1 || section > 4) {
            throw new IllegalArgumentException("a clause needs an id and a section 1–4: " + id);
        }
    }

    public String title(Locale locale) {
        return locale.getLanguage().equals("zh") ? titleZh : titleEn;
    }

    public String must(Locale locale) {
        return locale.getLanguage().equals("zh") ? mustZh : mustEn;
    }

    /** Whether a single item ID such as {@code 8.3-en}, {@code B.2.4.5} or the whole ID belongs to this clause. */
    public boolean covers(String item) {
        return id.equals(item) || items().contains(item);
    }

    /** The single items the ID names: {@code 8.3-em..eo} → 8.3-em, 8.3-en, 8.3-eo. */
    public List<String> items() {
        List<String> items = new ArrayList<>();
        String prefix = null;
        for (String part : id.split(",\\s*")) {
            int dash = part.lastIndexOf('-');
            String clause = dash > 0 ? part.substring(0, dash) : part;
            String letters = dash > 0 ? part.substring(dash + 1) : "";
            if (dash < 0 && prefix != null && part.matches("[a-z]{2}")) {
                clause = prefix;
                letters = part;
            }
            prefix = clause;
            if (letters.isEmpty()) {
                items.add(clause);
            } else if (letters.contains("..")) {
                String from = letters.substring(0, letters.indexOf(".."));
                String to = letters.substring(letters.indexOf("..") + 2);
                for (String l = from; l.compareTo(to) <= 0 && l.length() == 2; l = next(l)) {
                    items.add(clause + "-" + l);
                }
            } else {
                items.add(clause + "-" + letters);
            }
        }
        return items;
    }

    private static String next(String letters) {
        char first = letters.charAt(0);
        char second = letters.charAt(1);
        return second == 'z' ? "" + (char) (first + 1) + 'a' : "" + first + (char) (second + 1);
    }
}
