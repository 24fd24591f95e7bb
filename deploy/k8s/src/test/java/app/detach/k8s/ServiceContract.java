package app.detach.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one application needs from its Deployment, read from the repository as it is now (other
 * engineers add channels and settings while this check exists): its {@code application.properties},
 * its {@code pom.xml} and {@code platform/events}' {@code Topics.java}.
 *
 * @param name           the module and Deployment name, e.g. {@code journal-service}
 * @param properties     the file it was read from
 * @param requiredEnv    environment variables that must be set (infrastructure addresses and secrets whose
 *                       values in application.properties are local-stack defaults)
 * @param keyPrefixes    env var prefixes of versioned secrets (e.g. {@code DETACH_JOURNAL_KEK_KEYS}): at least
 *                       one documented Secret key must start with each
 * @param consumed       topics of its incoming channels
 * @param produced       topics of its outgoing channels and of its outbox
 * @param deadLetters    dead-letter topics of its channels (explicit, or SmallRye's default
 *                       {@code dead-letter-topic-<channel>} when only the failure strategy is set)
 * @param groups         consumer groups of its incoming channels ({@code group.id}, default the application name)
 * @param committedSecrets secret properties with a value in production that is committed to the repository (a
 *                       literal, or {@code ${ENV:default}}): a deployment that forgets the variable would
 *                       silently run with a public value. Must be empty: dev values belong to
 *                       {@code %dev,test,local.}, production has {@code ${ENV}} without a default.
 */
record ServiceContract(String name, Path properties, Set<String> requiredEnv, Set<String> keyPrefixes,
        Set<String> consumed, Set<String> produced, Set<String> deadLetters, Set<String> groups,
        Set<String> committedSecrets) {

    /** Property keys whose values are addresses, credentials or secrets: the local-stack value must be replaced. */
    private static final Pattern REQUIRED_KEY = Pattern.compile(String.join("|",
            "quarkus\\.http\\.port",
            "quarkus\\.datasource(\\.\"?[\\w-]+\"?)?\\.(username|password|jdbc\\.url|reactive\\.url)",
            "kafka\\.bootstrap\\.servers",
            "quarkus\\.oidc(\\.[\\w-]+)?\\.(auth-server-url|credentials\\.secret|credentials\\.client-secret\\.value)",
            "quarkus\\.mailer\\.(host|port|username|password|from)",
            "quarkus\\.keycloak\\.admin-client\\.(server-url|client-secret|password)",
            "detach\\.[\\w-]+\\.routes\\.[\\w-]+",
            "detach\\.[\\w.-]*(secret|password|[.-]url)"));
    /**
     * Versioned key material, e.g. {@code detach.journal.kek.current} and {@code detach.journal.kek.keys.v1}:
     * the current version is one variable; the versions are a map, so only their prefix is known.
     */
    private static final Pattern KEY_MATERIAL = Pattern.compile("detach\\.[\\w-]+\\.(kek|keys|key-encryption-keys?)(\\..+)?");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    /** Properties whose value is a secret (key material is {@link #KEY_MATERIAL}'s keys). */
    private static final Pattern SECRET_KEY = Pattern.compile("[\\w.\"-]*(password|secret)");
    /** A value that commits nothing: one expression without a default. */
    private static final Pattern ONLY_EXPRESSION = Pattern.compile("\\$\\{[^:}]+}");
    private static final Pattern CHANNEL = Pattern.compile(
            "mp\\.messaging\\.(incoming|outgoing)\\.([\\w.-]+?)\\.(topic|topics|connector|dead-letter-queue\\.topic|failure-strategy|group\\.id)");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"(detach\\.[a-z0-9.-]+\\.v\\d+)\"");
    /** The outbox relay's channel: each record's topic comes from the outbox row, not from the channel. */
    static final String OUTBOX_CHANNEL = "detach-outbox";

    static ServiceContract read(Path repo, String name) {
        Path file = repo.resolve(name).resolve("src/main/resources/application.properties");
        Map<String, String> props = load(file);
        Map<String, String> topicConstants = topicConstants(repo);

        Set<String> required = new TreeSet<>();
        Set<String> keyPrefixes = new TreeSet<>();
        Set<String> committedSecrets = new TreeSet<>();
        Map<String, Map<String, String>> incoming = new LinkedHashMap<>();
        Map<String, Map<String, String>> outgoing = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : props.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            Matcher reference = ENV_REFERENCE.matcher(value);
            boolean referencesEnv = false;
            while (reference.find()) {
                required.add(reference.group(1));
                referencesEnv = true;
            }
            if (KEY_MATERIAL.matcher(key).matches()) {
                if (key.endsWith(".current")) {
                    required.add(env(key));
                } else if (keyPrefix(key) != null) {
                    keyPrefixes.add(keyPrefix(key));
                    committedSecrets.add(key);
                }
            } else if (!referencesEnv && !ONLY_EXPRESSION.matcher(value.strip()).matches() && REQUIRED_KEY.matcher(key).matches()) {
                // a value that only names another setting (${quarkus.oidc.credentials.secret}) needs what that one needs
                required.add(env(key));
            }
            if (SECRET_KEY.matcher(key).matches() && !ONLY_EXPRESSION.matcher(value.strip()).matches()) {
                committedSecrets.add(key);
            }
            Matcher channel = CHANNEL.matcher(key);
            if (channel.matches()) {
                var channels = channel.group(1).equals("incoming") ? incoming : outgoing;
                channels.computeIfAbsent(channel.group(2), c -> new LinkedHashMap<>()).put(channel.group(3), value);
            }
        }

        // Versioned keys come from the environment in production; the dev and test profiles name some.
        for (String key : profiledKeys(file)) {
            if (KEY_MATERIAL.matcher(key).matches() && keyPrefix(key) != null) {
                keyPrefixes.add(keyPrefix(key));
            }
        }

        Set<String> consumed = new TreeSet<>();
        Set<String> produced = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        String application = props.getOrDefault("quarkus.application.name", name);
        incoming.forEach((channel, settings) -> {
            consumed.addAll(topics(channel, settings));
            groups.add(settings.getOrDefault("group.id", application).strip());
            if (settings.containsKey("dead-letter-queue.topic")) {
                deadLetters.add(settings.get("dead-letter-queue.topic").strip());
            } else if ("dead-letter-queue".equals(settings.getOrDefault("failure-strategy", "").strip())) {
                deadLetters.add("dead-letter-topic-" + channel);
            }
        });
        outgoing.forEach((channel, settings) -> {
            if (!channel.equals(OUTBOX_CHANNEL)) {
                produced.addAll(topics(channel, settings));
            }
        });
        if (usesOutbox(repo.resolve(name).resolve("pom.xml"))) {
            // The outbox publishes the service's own contract topic (detach.<area>.v1) and, as every
            // service answers erasure with data-erased, the account topic.
            String area = name.replaceFirst("-service$", "").toUpperCase(Locale.ROOT);
            if (topicConstants.containsKey(area)) {
                produced.add(topicConstants.get(area));
            }
            if (topicConstants.containsKey("ACCOUNT")) {
                produced.add(topicConstants.get("ACCOUNT"));
            }
        }
        return new ServiceContract(name, file, Set.copyOf(required), Set.copyOf(keyPrefixes), Set.copyOf(consumed),
                Set.copyOf(produced), Set.copyOf(deadLetters), Set.copyOf(groups), Set.copyOf(committedSecrets));
    }

    /** {@code detach.x.kek.keys.v1} -> {@code DETACH_X_KEK_KEYS}; null when the key names no version. */
    private static String keyPrefix(String key) {
        List<String> segments = List.of(key.replace("\"", "").split("\\."));
        int keys = segments.lastIndexOf("keys");
        return keys >= 2 && keys == segments.size() - 2 ? env(String.join(".", segments.subList(0, keys + 1))) : null;
    }

    /** Every topic of the contract: the String constants of platform/events' Topics.java. */
    static Set<String> contractTopics(Path repo) {
        return new LinkedHashSet<>(topicConstants(repo).values());
    }

    /** MicroProfile Config's environment name: non-alphanumerics become _, upper case. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Set<String> topics(String channel, Map<String, String> settings) {
        Set<String> topics = new TreeSet<>();
        if (settings.containsKey("topic")) {
            topics.add(settings.get("topic").strip());
        } else if (settings.containsKey("topics")) {
            for (String topic : settings.get("topics").split(",")) {
                if (!topic.isBlank()) {
                    topics.add(topic.strip());
                }
            }
        } else {
            topics.add(channel); // SmallRye's default: the channel name is the topic
        }
        return topics;
    }

    private static boolean usesOutbox(Path pom) {
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>detach-outbox</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> topicConstants(Path repo) {
        Path topics = repo.resolve("platform/events/src/main/java/app/detach/events/Topics.java");
        Map<String, String> constants = new LinkedHashMap<>();
        try {
            Matcher matcher = TOPIC_CONSTANT.matcher(Files.readString(topics));
            while (matcher.find()) {
                constants.put(matcher.group(1), matcher.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + topics, e);
        }
        return constants;
    }

    /**
     * The properties that apply in production: un-prefixed keys and {@code %prod.} keys (which win);
     * other profiles ({@code %dev.}, {@code %test.}, {@code %dev,test,local.}) are ignored.
     */
    static Map<String, String> load(Path file) {
        Properties raw = raw(file);
        Map<String, String> props = new LinkedHashMap<>();
        raw.stringPropertyNames().stream().sorted().filter(k -> !k.startsWith("%"))
                .forEach(k -> props.put(k, raw.getProperty(k)));
        raw.stringPropertyNames().stream().sorted().filter(k -> k.startsWith("%prod."))
                .forEach(k -> props.put(k.substring("%prod.".length()), raw.getProperty(k)));
        return props;
    }

    /** Names of the properties set for other profiles, without the profile ({@code %dev,local.a.b} -> {@code a.b}). */
    private static Set<String> profiledKeys(Path file) {
        Set<String> keys = new TreeSet<>();
        raw(file).stringPropertyNames().stream().filter(k -> k.startsWith("%") && k.contains("."))
                .forEach(k -> keys.add(k.substring(k.indexOf('.') + 1)));
        return keys;
    }

    private static Properties raw(Path file) {
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return raw;
    }
}
