package io.gatehouse.authorize;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words of the login, consent, error and account pages in English, German and Swedish
 * ({@code messages/pages_*.properties}), chosen by ui_locales (OIDC Core 3.1.2.1) in the user's order of preference,
 * then by the browser's Accept-Language, then English.
 */
public final class PageTexts {

    public static final List<String> LANGUAGES = List.of("en", "de", "sv");
    private static final Map<String, Map<String, String>> TEXTS = load();

    private final String language;
    private final Map<String, String> texts;

    private PageTexts(String language) {
        this.language = language;
        this.texts = TEXTS.get(language);
    }

    /** Texts in the first supported language of {@code uiLocales}, then of {@code acceptLanguages}, else English. */
    public static PageTexts choose(List<String> uiLocales, List<Locale> acceptLanguages) {
        for (String tag : uiLocales == null ? List.<String>of() : uiLocales) {
            String lang = Locale.forLanguageTag(tag).getLanguage();
            if (LANGUAGES.contains(lang)) {
                return new PageTexts(lang);
            }
        }
        for (Locale l : acceptLanguages == null ? List.<Locale>of() : acceptLanguages) {
            if (LANGUAGES.contains(l.getLanguage())) {
                return new PageTexts(l.getLanguage());
            }
        }
        return new PageTexts("en");
    }

    public String language() {
        return language;
    }

    /** Every text of the page's language, for templates ({@code t.get('key')}). */
    public Map<String, String> all() {
        return texts;
    }

    public String get(String key, Object... args) {
        String text = texts.getOrDefault(key, key);
        return args.length == 0 ? text : new MessageFormat(text, Locale.forLanguageTag(language)).format(args);
    }

    /** A scope in plain words; a scope without a description is shown by name. */
    public String scope(String scope) {
        String text = texts.get("scope_" + scope);
        return text != null ? text : texts.get("scope_other") + " \u201c" + scope + "\u201d";
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> all = new HashMap<>();
        Map<String, String> english = read("en");
        for (String lang : LANGUAGES) {
            Map<String, String> m = new HashMap<>(english);
            m.putAll(read(lang));
            all.put(lang, Map.copyOf(m));
        }
        return Map.copyOf(all);
    }

    private static Map<String, String> read(String lang) {
        String name = "messages/pages_" + lang + ".properties";
        try (InputStream in = PageTexts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new HashMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return m;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
