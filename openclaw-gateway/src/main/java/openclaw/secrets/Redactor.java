package openclaw.secrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for logs, error messages and status output. Two kinds of rules: exact values the
 * gateway knows to be secret (the gateway token, API keys from config) and patterns that look like credentials
 * (bearer tokens, {@code token=…}, {@code sk-…} keys, passwords in JDBC URLs).
 *
 * <p>Immutable and thread-safe; {@link #withSecrets} returns a new instance, so a live reference can be swapped on
 * config reload without locking.
 */
public final class Redactor {

    /** What replaces every secret. */
    public static final String MASK = "***";

    private static final int MIN_SECRET_LENGTH = 6;

    private static final List<Pattern> BUILT_IN = List.of(
            Pattern.compile("(?i)(\\b(?:bearer|basic)\\s+)[A-Za-z0-9._~+/=-]{6,}"),
            Pattern.compile("(?i)(\\b(?:token|api[_-]?key|apikey|password|passwd|secret)"
                    + "[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"'&,;}]+"),
            Pattern.compile("()\\bsk-[A-Za-z0-9_-]{8,}"),
            Pattern.compile("(://[^/\\s:@]+:)[^@\\s/]+(?=@)"));

    private final List<String> secrets;
    private final List<Pattern> patterns;

    private Redactor(List<String> secrets, List<Pattern> patterns) {
        this.secrets = secrets;
        this.patterns = patterns;
    }

    /** A redactor with the built-in patterns and no known secret values. */
    public static Redactor standard() {
        return new Redactor(List.of(), BUILT_IN);
    }

    /**
     * A copy that also masks the given exact values and matches of the extra regular expressions. Values shorter
     * than six characters are ignored: masking "abc" everywhere would shred ordinary text.
     *
     * @throws java.util.regex.PatternSyntaxException if an extra pattern does not compile
     */
    public Redactor withSecrets(Set<String> values, List<String> extraPatterns) {
        List<String> sorted = new ArrayList<>();
        for (String v : values) {
            if (v != null && v.length() >= MIN_SECRET_LENGTH) {
                sorted.add(v);
            }
        }
        // Longest first, so a secret containing another secret is masked whole.
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        List<Pattern> all = new ArrayList<>(BUILT_IN);
        for (String p : extraPatterns) {
            all.add(Pattern.compile("()" + p));
        }
        return new Redactor(List.copyOf(sorted), List.copyOf(all));
    }

    /** The text with every known secret and credential-looking substring replaced by {@value #MASK}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(out);
            if (m.find()) {
                out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
            }
        }
        return out;
    }
}
