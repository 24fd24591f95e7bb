package app.detach.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No secret is committed: every file git tracks is scanned for well-known credential shapes
 * (private keys, cloud and chat tokens, JWTs, high-entropy keys) and for secret-looking settings in
 * configuration files. No maintained scanner (gitleaks, trufflehog) is packaged for this machine's
 * Debian release, so the rules are the well-known ones, here; the only values allowed are the local
 * stack's DEV-ONLY ones listed in {@link #DEV_ONLY}. In an {@code application.properties} they may
 * stand only on lines of the dev, test and local profiles ({@code %dev,test,local.x=...}): in
 * production the property is {@code ${ENV_VAR}} without a default, so a deployment that forgets the
 * variable refuses to start (ProductionSecretsIT) instead of running with a public value
 * (deploy/k8s/secrets.example.yaml only has CHANGE-ME placeholders).
 */
class SecretScanTest {

    /** Exact values allowed, with why. Anything else that looks like a secret fails the build. */
    static final Map<String, String> DEV_ONLY = Map.ofEntries(
            Map.entry("dev-gateway-secret", "dev realm's gateway client secret (realm-detach-dev.json; %dev,test,local only;"
                    + " production: env QUARKUS_OIDC_CREDENTIALS_SECRET)"),
            Map.entry("dev-only-state-secret-0123456789abcdef", "gateway state-cookie key, %dev,test,local only; production: env DETACH_GATEWAY_STATE_SECRET"),
            Map.entry("dev-only-session-secret-0123456789abcdef", "gateway session-cookie key, %dev,test,local only; production: env DETACH_GATEWAY_SESSION_SECRET"),
            Map.entry("dev-only-unsubscribe-secret-change-me", "unsubscribe-link key, %dev,test,local only; production: env DETACH_NOTIFICATION_UNSUBSCRIBE_SECRET"),
            Map.entry("LJzhjBm8lc8npHbI+oF1CoNbr5LPqgcThnsBbNGOhlQ=", "journal KEK dev1, %dev,local only; production: env DETACH_JOURNAL_KEK_*"),
            Map.entry("I1Ypx4kUApARnXW99VbgOJloSUrqGPLYSfAaZhkwRwM=", "journal KEK v1 of the %test profile (key-rotation tests)"),
            Map.entry("S7X+U1suZiNPZe0UlMqD+Gc+1wrOumpvez0zXsk72zA=", "journal KEK v2 of the %test profile (key-rotation tests)"));

    private static final Set<String> BINARY = Set.of("png", "jpg", "jpeg", "gif", "ico", "jar", "woff", "woff2", "ttf", "pdf", "zip", "gz");
    private static final Set<String> CONFIG = Set.of("properties", "yaml", "yml", "json", "env", "conf", "xml", "sh", "toml", "ini");

    private static final Map<String, Pattern> WELL_KNOWN = Map.of(
            "private key", Pattern.compile("-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----"),
            "AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            "GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"),
            "Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            "Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
            "Stripe live key", Pattern.compile("\\b[sr]k_live_[0-9a-zA-Z]{16,}"),
            "JWT", Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{20,}"),
            "password in a URL", Pattern.compile("[a-z][a-z0-9+.-]*://[^/\\s:@\"']+:[^/\\s:@\"'$]{3,}@"));
    /** A setting named like a secret with a literal value, in a configuration file. */
    private static final Pattern SETTING = Pattern.compile(
            "(?i)(secret|password|passwd|api[_-]?key|access[_-]?key|private[_-]?key|kek[a-z0-9._-]*|credential[s]?|token)"
                    + "[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;{}()]{8,})");
    /** A long base64 or hex literal as a setting's value (keys, shared secrets). */
    private static final Pattern HIGH_ENTROPY = Pattern.compile("[=:]\\s*[\"']?([A-Za-z0-9+/]{40,}={0,2}|[0-9a-f]{48,})[\"']?\\s*$");

    @Test
    void noSecretIsCommitted() throws Exception {
        Path root = repoRoot();
        List<String> files = trackedFiles(root);
        assertTrue(files.size() > 100, "git ls-files found only " + files.size() + " files in " + root);
        List<String> findings = new ArrayList<>();
        int scanned = 0;
        for (String file : files) {
            String ext = file.substring(file.lastIndexOf('.') + 1).toLowerCase();
            Path path = root.resolve(file);
            if (BINARY.contains(ext) || !Files.isRegularFile(path) || Files.size(path) > 2_000_000) {
                continue;
            }
            scanned++;
            List<String> lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                findings.addAll(scanLine(file, i + 1, lines.get(i), CONFIG.contains(ext)));
            }
        }
        System.out.println("secret scan: " + scanned + " tracked files, " + findings.size() + " findings, "
                + DEV_ONLY.size() + " dev-only values allowed");
        findings.forEach(f -> System.out.println("secret scan finding: " + f));
        assertEquals(List.of(), findings);
    }

    /** The rules themselves catch what they claim to (a scan that finds nothing proves nothing otherwise). */
    @Test
    void theRulesRecogniseSecrets() {
        String fakeKey = "AKIA" + "ABCDEFGHIJKLMNOP";
        assertEquals(1, scanLine("x.java", 1, "String k = \"" + fakeKey + "\";", false).size());
        assertEquals(1, scanLine("a.properties", 1, "quarkus.oidc.credentials.secret=s3cr3t-from-prod-42", true).size());
        assertEquals(1, scanLine("a.yaml", 1, "  key: " + "Zm9vYmFyYmF6cXV4cXV1eGZvb2JhcmJhenF1eHF1dXhmb28=", true).size());
        assertEquals(1, scanLine("x.md", 1, "-----BEGIN " + "RSA PRIVATE KEY-----", false).size());
        assertEquals(1, scanLine("x.md", 1, "jdbc:postgresql://app:" + "hunter22@db/x", false).size());
        assertEquals(List.of(), scanLine("a.properties", 1, "quarkus.oidc.credentials.secret=${OIDC_SECRET}", true));
        assertEquals(List.of(), scanLine("a.properties", 1, "%dev,test,local.quarkus.oidc.credentials.secret=dev-gateway-secret", true));
        assertEquals(List.of(), scanLine("s.yaml", 1, "  password: CHANGE-ME-random-32-chars", true));
        assertEquals(List.of(), scanLine("application.properties", 1, "%dev,test,local.a.secret=dev-gateway-secret", true));
        assertEquals(List.of(), scanLine("application.properties", 1, "%test.a.secret=dev-gateway-secret", true));
        assertEquals(1, scanLine("application.properties", 1, "a.secret=dev-gateway-secret", true).size(), "a production default");
        assertEquals(1, scanLine("application.properties", 1, "a.secret=${A_SECRET:dev-gateway-secret}", true).size());
        assertEquals(1, scanLine("application.properties", 1, "%prod,local.a.secret=dev-gateway-secret", true).size());
    }

    static List<String> scanLine(String file, int number, String line, boolean config) {
        List<String> findings = new ArrayList<>();
        String where = file + ":" + number;
        WELL_KNOWN.forEach((rule, pattern) -> {
            Matcher m = pattern.matcher(line);
            while (m.find()) {
                if (!DEV_ONLY.containsKey(m.group())) {
                    findings.add(where + " " + rule);
                }
            }
        });
        if (file.endsWith(".properties") && !line.strip().startsWith("#") && !devProfilesOnly(line)
                && DEV_ONLY.keySet().stream().anyMatch(line::contains)) {
            findings.add(where + " dev-only value outside the dev, test and local profiles (production must read ${ENV_VAR})");
        }
        if (config) {
            Matcher setting = SETTING.matcher(line);
            while (setting.find()) {
                if (!allowed(setting.group(2))) {
                    findings.add(where + " secret-like setting " + setting.group(1));
                }
            }
            Matcher entropy = HIGH_ENTROPY.matcher(line);
            if (entropy.find() && entropy.group(1).matches("(?=.*\\d)(?=.*[a-z])(?=.*[A-Z]).*|[0-9a-f]+")
                    && !allowed(entropy.group(1)) && findings.isEmpty()) {
                findings.add(where + " high-entropy value");
            }
        }
        return findings;
    }

    /** {@code %dev.x=}, {@code %dev,test,local.x=}: a property of profiles that never run in production. */
    private static boolean devProfilesOnly(String line) {
        String s = line.strip();
        int dot = s.indexOf('.');
        if (!s.startsWith("%") || dot < 0) {
            return false;
        }
        return Set.of(s.substring(1, dot).split(",")).stream().allMatch(p -> Set.of("dev", "test", "local").contains(p.strip()));
    }

    /** Dev-only values, placeholders, references to the environment and non-secret words. */
    private static boolean allowed(String value) {
        String v = value.strip();
        return DEV_ONLY.containsKey(v)
                || DEV_ONLY.keySet().stream().anyMatch(v::contains)
                || v.startsWith("CHANGE-ME")
                || v.startsWith("${") || v.startsWith("$(") || v.startsWith("<")
                // names of things, not values: Secret names, keys, env var names, JSON schema words
                || v.matches("[A-Z0-9_]+") || v.matches("[a-z0-9]+(?:[-._][a-z0-9]+)*")
                && !v.matches(".*\\d.*[a-z].*\\d.*") && v.length() < 40;
    }

    private static Path repoRoot() {
        String configured = System.getProperty("detach.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git")) && Files.exists(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + start);
    }

    private static List<String> trackedFiles(Path root) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor(), out);
        return List.of(out.split("\0"));
    }
}
