package app.detach.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What schemas cannot check. Every finding starts with the file and object ({@link K8sObject#where()}) and
 * names the field.
 */
final class ManifestChecks {

    private final List<K8sObject> objects;
    private final Path repo;
    private final SecretCatalog secrets;
    private final List<String> findings = new ArrayList<>();

    private ManifestChecks(List<K8sObject> objects, Path repo, SecretCatalog secrets) {
        this.objects = objects;
        this.repo = repo;
        this.secrets = secrets;
    }

    static List<String> check(List<K8sObject> objects, Path repo, Path secretsExample) {
        ManifestChecks checks = new ManifestChecks(objects, repo, SecretCatalog.of(secretsExample, objects));
        checks.deployments();
        checks.selectors();
        checks.networkPolicies();
        checks.kafka();
        checks.contracts();
        checks.infraSecrets();
        checks.ingress();
        return List.copyOf(checks.findings);
    }

    // ---------------------------------------------------------------- Deployments

    private void deployments() {
        for (K8sObject d : of("Deployment")) {
            JsonNode pod = d.at("spec.template.spec");
            Map<String, String> podLabels = labels(d.at("spec.template.metadata.labels"));
            for (String label : List.of("app.kubernetes.io/name", "app.kubernetes.io/part-of", "app.kubernetes.io/component")) {
                if (!podLabels.containsKey(label)) {
                    add(d, "spec.template.metadata.labels." + label + " is missing");
                }
            }
            Map<String, String> selector = labels(d.at("spec.selector.matchLabels"));
            if (selector.isEmpty() || !matches(selector, podLabels)) {
                add(d, "spec.selector.matchLabels " + selector + " does not select its own pod labels " + podLabels);
            }
            if (!pod.path("automountServiceAccountToken").isBoolean() || pod.path("automountServiceAccountToken").asBoolean()) {
                add(d, "spec.template.spec.automountServiceAccountToken must be false");
            }
            String sa = pod.path("serviceAccountName").asText("");
            if (sa.isEmpty() || find("ServiceAccount", d.namespace(), sa).isEmpty()) {
                add(d, "spec.template.spec.serviceAccountName '" + sa + "' is not a ServiceAccount of this overlay");
            }
            boolean podNonRoot = pod.path("securityContext").path("runAsNonRoot").asBoolean(false);
            boolean podSeccomp = "RuntimeDefault".equals(pod.path("securityContext").path("seccompProfile").path("type").asText());
            Map<String, JsonNode> volumes = new HashMap<>();
            pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
            JsonNode containers = pod.path("containers");
            if (containers.isEmpty()) {
                add(d, "spec.template.spec.containers is empty");
            }
            for (int i = 0; i < containers.size(); i++) {
                container(d, "spec.template.spec.containers[" + i + "]", containers.get(i), podNonRoot, podSeccomp, volumes);
            }
            volumes.values().forEach(v -> {
                if (v.has("secret")) {
                    String name = v.path("secret").path("secretName").asText();
                    if (v.path("secret").path("items").isEmpty()) {
                        secretRef(d, "spec.template.spec.volumes[" + v.path("name").asText() + "].secret", name, null);
                    }
                    v.path("secret").path("items").forEach(item -> secretRef(d,
                            "spec.template.spec.volumes[" + v.path("name").asText() + "].secret.items", name,
                            item.path("key").asText()));
                }
                if (v.has("configMap") && find("ConfigMap", d.namespace(), v.path("configMap").path("name").asText()).isEmpty()) {
                    add(d, "spec.template.spec.volumes[" + v.path("name").asText() + "].configMap.name names no ConfigMap");
                }
            });
        }
    }

    private void container(K8sObject d, String path, JsonNode c, boolean podNonRoot, boolean podSeccomp,
            Map<String, JsonNode> volumes) {
        Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        probes.forEach((probe, expected) -> {
            if (!c.has(probe)) {
                add(d, path + "." + probe + " is missing");
            } else if (!expected.equals(c.path(probe).path("httpGet").path("path").asText())) {
                add(d, path + "." + probe + ".httpGet.path must be " + expected);
            }
        });
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (c.path("resources").path(kind).path(resource).isMissingNode()) {
                    add(d, path + ".resources." + kind + "." + resource + " is missing");
                }
            }
        }
        JsonNode sc = c.path("securityContext");
        if (!(podNonRoot || sc.path("runAsNonRoot").asBoolean(false))) {
            add(d, path + ".securityContext.runAsNonRoot must be true (or the pod's)");
        }
        if (sc.path("runAsUser").isInt() && sc.path("runAsUser").asInt() == 0) {
            add(d, path + ".securityContext.runAsUser must not be 0");
        }
        if (!sc.path("allowPrivilegeEscalation").isBoolean() || sc.path("allowPrivilegeEscalation").asBoolean()) {
            add(d, path + ".securityContext.allowPrivilegeEscalation must be false");
        }
        if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
            add(d, path + ".securityContext.readOnlyRootFilesystem must be true");
        }
        if (sc.path("privileged").asBoolean(false)) {
            add(d, path + ".securityContext.privileged must not be true");
        }
        boolean dropsAll = false;
        for (JsonNode cap : sc.path("capabilities").path("drop")) {
            dropsAll |= "ALL".equals(cap.asText());
        }
        if (!dropsAll) {
            add(d, path + ".securityContext.capabilities.drop must contain ALL");
        }
        if (!sc.path("capabilities").path("add").isEmpty()) {
            add(d, path + ".securityContext.capabilities.add must be empty");
        }
        if (!(podSeccomp || "RuntimeDefault".equals(sc.path("seccompProfile").path("type").asText()))) {
            add(d, path + ".securityContext.seccompProfile.type must be RuntimeDefault (or the pod's)");
        }
        boolean tmp = false;
        for (JsonNode mount : c.path("volumeMounts")) {
            JsonNode volume = volumes.get(mount.path("name").asText());
            if (volume == null) {
                add(d, path + ".volumeMounts[" + mount.path("name").asText() + "] names no volume");
            } else if ("/tmp".equals(mount.path("mountPath").asText()) && volume.has("emptyDir")) {
                tmp = true;
            }
        }
        if (!tmp) {
            add(d, path + ".volumeMounts needs an emptyDir at /tmp (the root filesystem is read-only)");
        }
        String image = c.path("image").asText("");
        if (image.isEmpty() || image.endsWith(":latest") || !image.contains(":") && !image.contains("@")) {
            add(d, path + ".image '" + image + "' must carry a fixed tag or digest");
        }
        JsonNode envFrom = c.path("envFrom");
        for (int i = 0; i < envFrom.size(); i++) {
            JsonNode source = envFrom.get(i);
            if (source.has("configMapRef")) {
                String name = source.path("configMapRef").path("name").asText();
                if (find("ConfigMap", d.namespace(), name).isEmpty()) {
                    add(d, path + ".envFrom[" + i + "].configMapRef.name '" + name + "' is not a ConfigMap of this overlay");
                }
            }
            if (source.has("secretRef")) {
                secretRef(d, path + ".envFrom[" + i + "].secretRef", source.path("secretRef").path("name").asText(), null);
            }
        }
        for (JsonNode env : c.path("env")) {
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                secretRef(d, path + ".env[" + env.path("name").asText() + "].valueFrom.secretKeyRef",
                        ref.path("name").asText(), ref.path("key").asText());
            }
            JsonNode cmRef = env.path("valueFrom").path("configMapKeyRef");
            if (!cmRef.isMissingNode()) {
                Optional<K8sObject> cm = find("ConfigMap", d.namespace(), cmRef.path("name").asText());
                if (cm.isEmpty() || !cm.get().at("data").has(cmRef.path("key").asText())) {
                    add(d, path + ".env[" + env.path("name").asText() + "].valueFrom.configMapKeyRef names no ConfigMap key");
                }
            }
        }
    }

    /** Environment variable names a container gets: env, ConfigMap keys, documented Secret keys. */
    private Set<String> envNames(K8sObject d, JsonNode c) {
        Set<String> names = new TreeSet<>();
        c.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode source : c.path("envFrom")) {
            String prefix = source.path("prefix").asText("");
            if (source.has("configMapRef")) {
                find("ConfigMap", d.namespace(), source.path("configMapRef").path("name").asText())
                        .ifPresent(cm -> cm.at("data").fieldNames().forEachRemaining(k -> names.add(prefix + k)));
            }
            if (source.has("secretRef")) {
                secrets.keys(source.path("secretRef").path("name").asText()).forEach(k -> names.add(prefix + k));
            }
        }
        return names;
    }

    // ---------------------------------------------------------------- labels and selectors

    private void selectors() {
        for (K8sObject s : of("Service")) {
            Map<String, String> selector = labels(s.at("spec.selector"));
            List<K8sObject> targets = podOwners(s.namespace(), selector);
            if (selector.isEmpty() || targets.isEmpty()) {
                add(s, "spec.selector " + selector + " selects no Deployment's pods");
                continue;
            }
            for (JsonNode port : s.at("spec.ports")) {
                JsonNode target = port.path("targetPort");
                if (target.isTextual()) {
                    for (K8sObject d : targets) {
                        boolean named = false;
                        for (JsonNode c : d.at("spec.template.spec.containers")) {
                            for (JsonNode p : c.path("ports")) {
                                named |= target.asText().equals(p.path("name").asText());
                            }
                        }
                        if (!named) {
                            add(s, "spec.ports[" + port.path("name").asText() + "].targetPort '" + target.asText()
                                    + "' is no container port name of Deployment/" + d.name());
                        }
                    }
                }
            }
        }
        for (K8sObject pdb : of("PodDisruptionBudget")) {
            Map<String, String> selector = labels(pdb.at("spec.selector.matchLabels"));
            if (selector.isEmpty() || podOwners(pdb.namespace(), selector).isEmpty()) {
                add(pdb, "spec.selector.matchLabels " + selector + " selects no Deployment's pods");
            }
        }
        for (K8sObject hpa : of("HorizontalPodAutoscaler")) {
            JsonNode ref = hpa.at("spec.scaleTargetRef");
            if (find(ref.path("kind").asText(), hpa.namespace(), ref.path("name").asText()).isEmpty()) {
                add(hpa, "spec.scaleTargetRef " + ref.path("kind").asText() + "/" + ref.path("name").asText()
                        + " does not exist in this overlay");
            }
            find(ref.path("kind").asText(), hpa.namespace(), ref.path("name").asText())
                    .filter(target -> target.at("spec.replicas").isNumber())
                    .ifPresent(target -> add(target, "spec.replicas must not be set: HorizontalPodAutoscaler/" + hpa.name()
                            + " owns the replica count (set its minReplicas instead)"));
            if (hpa.at("spec.minReplicas").asInt(1) > hpa.at("spec.maxReplicas").asInt()) {
                add(hpa, "spec.minReplicas is greater than spec.maxReplicas");
            }
        }
        for (K8sObject np : of("NetworkPolicy")) {
            Map<String, String> selector = labels(np.at("spec.podSelector.matchLabels"));
            if (selector.containsKey("app.kubernetes.io/name") && podOwners(np.namespace(), selector).isEmpty()) {
                add(np, "spec.podSelector.matchLabels " + selector + " selects no Deployment's pods");
            }
        }
    }

    // ---------------------------------------------------------------- NetworkPolicies

    /** Every application pod is under a default-deny; only the gateway is reachable from outside its pods. */
    private void networkPolicies() {
        List<K8sObject> gateways = of("Deployment").stream()
                .filter(d -> "gateway".equals(labels(d.at("spec.template.metadata.labels")).get("app.kubernetes.io/component")))
                .toList();
        for (K8sObject d : of("Deployment")) {
            Map<String, String> pod = labels(d.at("spec.template.metadata.labels"));
            List<K8sObject> policies = of("NetworkPolicy").stream()
                    .filter(np -> np.namespace().equals(d.namespace()))
                    .filter(np -> selects(np.at("spec.podSelector"), pod))
                    .toList();
            boolean denied = policies.stream().anyMatch(np -> {
                Set<String> types = new HashSet<>();
                np.at("spec.policyTypes").forEach(t -> types.add(t.asText()));
                return types.containsAll(Set.of("Ingress", "Egress")) && np.at("spec.ingress").isEmpty()
                        && np.at("spec.egress").isEmpty();
            });
            if (!denied) {
                add(d, "spec.template.metadata.labels " + pod + ": no default-deny NetworkPolicy (policyTypes Ingress+Egress, "
                        + "no rules) selects these pods");
            }
            if (gateways.contains(d)) {
                continue;
            }
            for (K8sObject np : policies) {
                JsonNode rules = np.at("spec.ingress");
                for (int i = 0; i < rules.size(); i++) {
                    JsonNode from = rules.get(i).path("from");
                    if (from.isEmpty()) {
                        add(np, "spec.ingress[" + i + "].from is empty (anyone may connect to " + d.name() + "); only the gateway may");
                    }
                    for (JsonNode peer : from) {
                        boolean fromGateway = !peer.has("namespaceSelector") && !peer.has("ipBlock") && peer.has("podSelector")
                                && !gateways.isEmpty() && gateways.stream().allMatch(g -> selects(peer.path("podSelector"),
                                        labels(g.at("spec.template.metadata.labels"))))
                                && of("Deployment").stream().filter(o -> !gateways.contains(o)).noneMatch(o ->
                                        selects(peer.path("podSelector"), labels(o.at("spec.template.metadata.labels"))));
                        if (!fromGateway && !isPrometheus(peer)) {
                            add(np, "spec.ingress[" + i + "].from " + peer + ": " + d.name()
                                    + " may take ingress from the gateway only (and Prometheus, for /q/metrics)");
                        }
                    }
                }
            }
        }
    }

    /** The one other peer allowed: Prometheus pods in the monitoring namespace (scraping /q/metrics). */
    static boolean isPrometheus(JsonNode peer) {
        return !peer.has("ipBlock")
                && "monitoring".equals(peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText())
                && "prometheus".equals(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
    }

    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        Map<String, String> match = labels(selector.path("matchLabels"));
        if (!selector.path("matchExpressions").isEmpty()) {
            return false; // not used by our policies; treat as not matching rather than guess
        }
        return match.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    // ---------------------------------------------------------------- Kafka

    private void kafka() {
        for (K8sObject cluster : of("Kafka")) {
            int brokers = 0;
            for (K8sObject pool : of("KafkaNodePool")) {
                boolean broker = false;
                for (JsonNode role : pool.at("spec.roles")) {
                    broker |= "broker".equals(role.asText());
                }
                if (broker && cluster.name().equals(labels(pool.at("metadata.labels")).get("strimzi.io/cluster"))) {
                    brokers += pool.at("spec.replicas").asInt();
                }
            }
            if (brokers == 0) {
                add(cluster, "no KafkaNodePool with role broker and label strimzi.io/cluster=" + cluster.name());
            }
            int clusterRf = cluster.at("spec.kafka.config").path("default.replication.factor").asInt(brokers);
            int clusterIsr = cluster.at("spec.kafka.config").path("min.insync.replicas").asInt(1);
            for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                    "transaction.state.log.replication.factor")) {
                int rf = cluster.at("spec.kafka.config").path(key).asInt(0);
                if (rf > brokers) {
                    add(cluster, "spec.kafka.config." + key + "=" + rf + " exceeds the " + brokers + " broker(s)");
                }
            }
            if (clusterIsr > clusterRf) {
                add(cluster, "spec.kafka.config.min.insync.replicas=" + clusterIsr + " exceeds default.replication.factor=" + clusterRf);
            }
            for (K8sObject topic : of("KafkaTopic")) {
                if (!cluster.name().equals(labels(topic.at("metadata.labels")).get("strimzi.io/cluster"))) {
                    add(topic, "metadata.labels.strimzi.io/cluster must be " + cluster.name());
                    continue;
                }
                int replicas = topic.at("spec.replicas").asInt(clusterRf);
                JsonNode isrNode = topic.at("spec.config").path("min.insync.replicas");
                int isr = isrNode.isMissingNode() ? clusterIsr : isrNode.asInt();
                if (replicas > brokers) {
                    add(topic, "spec.replicas=" + replicas + " exceeds the " + brokers + " broker(s)");
                }
                if (isr > replicas) {
                    add(topic, "spec.config.min.insync.replicas=" + isr + " exceeds spec.replicas=" + replicas);
                }
                if (replicas > 1 && isr >= replicas) {
                    add(topic, "spec.config.min.insync.replicas=" + isr + " must be below spec.replicas=" + replicas
                            + " (one broker down would stop every producer)");
                }
                if (topic.at("spec.partitions").asInt(0) < 1) {
                    add(topic, "spec.partitions must be set");
                }
                if (topic.at("spec.config").path("retention.ms").isMissingNode()) {
                    add(topic, "spec.config.retention.ms must be set");
                }
            }
            for (K8sObject user : of("KafkaUser")) {
                if (!cluster.name().equals(labels(user.at("metadata.labels")).get("strimzi.io/cluster"))) {
                    add(user, "metadata.labels.strimzi.io/cluster must be " + cluster.name());
                }
                for (JsonNode acl : user.at("spec.authorization.acls")) {
                    JsonNode resource = acl.path("resource");
                    boolean wildcard = "*".equals(resource.path("name").asText())
                            || "prefix".equals(resource.path("patternType").asText()) && "topic".equals(resource.path("type").asText());
                    if (wildcard) {
                        add(user, "spec.authorization.acls: " + resource.path("type").asText() + " '"
                                + resource.path("name").asText() + "' is not least privilege (name topics literally)");
                    }
                    for (JsonNode op : acl.path("operations")) {
                        if (Set.of("All", "Alter", "Delete", "Create", "AlterConfigs", "ClusterAction").contains(op.asText())) {
                            add(user, "spec.authorization.acls: operation " + op.asText() + " on "
                                    + resource.path("name").asText() + " is not least privilege");
                        }
                    }
                }
            }
        }
        Set<String> topics = topicNames();
        for (String topic : ServiceContract.contractTopics(repo)) {
            if (!topics.contains(topic)) {
                findings.add("platform/events Topics.java: topic " + topic + " has no KafkaTopic in this overlay");
            }
        }
    }

    private Set<String> topicNames() {
        return of("KafkaTopic").stream()
                .map(t -> t.at("spec.topicName").asText(t.name()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // ---------------------------------------------------------------- the services' own needs

    private void contracts() {
        Set<String> topics = topicNames();
        for (K8sObject d : of("Deployment")) {
            Path properties = repo.resolve(d.name()).resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(properties)) {
                add(d, "metadata.name names no module with " + repo.relativize(properties));
                continue;
            }
            ServiceContract contract = ServiceContract.read(repo, d.name());
            String props = K8sObject.display(contract.properties());
            JsonNode container = d.at("spec.template.spec.containers").path(0);
            Set<String> env = envNames(d, container);
            for (String required : contract.requiredEnv()) {
                if (!env.contains(required)) {
                    add(d, "spec.template.spec.containers[0].env: " + required + " is not set (" + props
                            + " needs it outside the local stack)");
                }
            }
            for (String secret : contract.committedSecrets()) {
                add(d, props + ": " + secret + " has a committed production value (public in the repository); make it ${"
                        + ServiceContract.env(secret) + "} without a default and keep the dev value under %dev,test,local.");
            }
            String profile = configValue(d, container, "QUARKUS_PROFILE");
            if (profile != null && !profile.strip().equals("prod")) {
                add(d, "spec.template.spec.containers[0]: QUARKUS_PROFILE=" + profile + " (a cluster runs the prod profile only:"
                        + " dev, test and local carry the committed dev secrets)");
            }
            for (String prefix : contract.keyPrefixes()) {
                if (env.stream().noneMatch(e -> e.startsWith(prefix))) {
                    add(d, "spec.template.spec.containers[0].envFrom: no Secret provides " + prefix + "_* ("
                            + props + " reads versioned keys; document them in deploy/k8s/secrets.example.yaml)");
                }
            }
            if ("8080".equals(configValue(d, container, "QUARKUS_HTTP_PORT")) == false) {
                add(d, "spec.template.spec.containers[0]: QUARKUS_HTTP_PORT must be 8080 (probes and Service use it)");
            }
            Set<String> used = new TreeSet<>();
            used.addAll(contract.consumed());
            used.addAll(contract.produced());
            used.addAll(contract.deadLetters());
            for (String topic : used) {
                if (!topics.contains(topic)) {
                    add(d, "topic " + topic + " (used by " + props + " or its outbox) has no KafkaTopic");
                }
            }
            for (String topic : contract.consumed()) {
                if (topic.contains(".dlq.")) {
                    continue; // reading its own dead letters back (admin list/replay): no dead letters of dead letters
                }
                String dlq = topic + ".dlq." + d.name();
                if (!topics.contains(dlq)) {
                    add(d, "dead-letter topic " + dlq + " (for the consumed topic " + topic + ") has no KafkaTopic");
                }
            }
            if (!used.isEmpty()) {
                acls(d, contract);
            }
        }
    }

    private record Acl(String type, String name, boolean prefix, Set<String> operations) {
        boolean covers(String type, String resource, String operation) {
            return this.type.equals(type) && operations.contains(operation)
                    && (prefix ? resource.startsWith(name) : resource.equals(name));
        }
    }

    private void acls(K8sObject d, ServiceContract contract) {
        Optional<K8sObject> user = find("KafkaUser", d.namespace(), d.name());
        if (user.isEmpty()) {
            add(d, "uses Kafka but there is no KafkaUser/" + d.name());
            return;
        }
        List<Acl> acls = new ArrayList<>();
        for (JsonNode acl : user.get().at("spec.authorization.acls")) {
            if ("deny".equals(acl.path("type").asText())) {
                continue;
            }
            Set<String> operations = new HashSet<>();
            acl.path("operations").forEach(op -> operations.add(op.asText()));
            JsonNode resource = acl.path("resource");
            acls.add(new Acl(resource.path("type").asText(), resource.path("name").asText(),
                    "prefix".equals(resource.path("patternType").asText()), operations));
        }
        for (String topic : contract.consumed()) {
            need(user.get(), acls, "topic", topic, "Read");
            if (!topic.contains(".dlq.")) {
                need(user.get(), acls, "topic", topic + ".dlq." + d.name(), "Write");
            }
        }
        for (String group : contract.groups()) {
            need(user.get(), acls, "group", group, "Read");
        }
        for (String topic : contract.produced()) {
            need(user.get(), acls, "topic", topic, "Write");
        }
        for (String topic : contract.deadLetters()) {
            need(user.get(), acls, "topic", topic, "Write");
        }
    }

    private void need(K8sObject user, List<Acl> acls, String type, String resource, String operation) {
        if (acls.stream().noneMatch(acl -> acl.covers(type, resource, operation))) {
            add(user, "spec.authorization.acls: no " + operation + " on " + type + " " + resource);
        }
    }

    private String configValue(K8sObject d, JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText()) && e.has("value")) {
                return e.path("value").asText();
            }
        }
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                Optional<K8sObject> cm = find("ConfigMap", d.namespace(), source.path("configMapRef").path("name").asText());
                if (cm.isPresent() && cm.get().at("data").has(name)) {
                    return cm.get().at("data").path(name).asText();
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- Secrets of the infrastructure

    private void infraSecrets() {
        for (K8sObject cluster : of("Cluster")) {
            JsonNode roles = cluster.at("spec.managed.roles");
            for (JsonNode role : roles) {
                if (role.has("passwordSecret")) {
                    String name = role.path("passwordSecret").path("name").asText();
                    secretRef(cluster, "spec.managed.roles[" + role.path("name").asText() + "].passwordSecret", name, "password");
                    secretRef(cluster, "spec.managed.roles[" + role.path("name").asText() + "].passwordSecret", name, "username");
                }
            }
            JsonNode s3 = cluster.at("spec.backup.barmanObjectStore.s3Credentials");
            s3.fields().forEachRemaining(f -> {
                if (f.getValue().has("name")) {
                    secretRef(cluster, "spec.backup.barmanObjectStore.s3Credentials." + f.getKey(),
                            f.getValue().path("name").asText(), f.getValue().path("key").asText(null));
                }
            });
            Set<String> roleNames = new HashSet<>();
            roles.forEach(r -> roleNames.add(r.path("name").asText()));
            for (K8sObject db : of("Database")) {
                if (cluster.name().equals(db.at("spec.cluster.name").asText()) && !roleNames.contains(db.at("spec.owner").asText())) {
                    add(db, "spec.owner '" + db.at("spec.owner").asText() + "' is no managed role of Cluster/" + cluster.name());
                }
            }
        }
        for (K8sObject db : of("Database")) {
            if (find("Cluster", db.namespace(), db.at("spec.cluster.name").asText()).isEmpty()) {
                add(db, "spec.cluster.name '" + db.at("spec.cluster.name").asText() + "' is no Cluster of this overlay");
            }
        }
        for (K8sObject kc : of("Keycloak")) {
            for (String field : List.of("usernameSecret", "passwordSecret")) {
                JsonNode ref = kc.at("spec.db." + field);
                if (!ref.isMissingNode()) {
                    secretRef(kc, "spec.db." + field, ref.path("name").asText(), ref.path("key").asText(null));
                }
            }
            if (kc.at("spec.http.tlsSecret").isTextual()) {
                secretRef(kc, "spec.http.tlsSecret", kc.at("spec.http.tlsSecret").asText(), "tls.crt");
            }
            if (kc.at("spec.ingress.tlsSecret").isTextual()) {
                secretRef(kc, "spec.ingress.tlsSecret", kc.at("spec.ingress.tlsSecret").asText(), "tls.crt");
            }
            if (kc.at("spec.bootstrapAdmin.user.secret").isTextual()) {
                secretRef(kc, "spec.bootstrapAdmin.user.secret", kc.at("spec.bootstrapAdmin.user.secret").asText(), "password");
            }
        }
        for (K8sObject realm : of("KeycloakRealmImport")) {
            if (find("Keycloak", realm.namespace(), realm.at("spec.keycloakCRName").asText()).isEmpty()) {
                add(realm, "spec.keycloakCRName '" + realm.at("spec.keycloakCRName").asText() + "' is no Keycloak of this overlay");
            }
            Iterator<Map.Entry<String, JsonNode>> placeholders = realm.at("spec.placeholders").fields();
            while (placeholders.hasNext()) {
                Map.Entry<String, JsonNode> p = placeholders.next();
                JsonNode ref = p.getValue().path("secret");
                secretRef(realm, "spec.placeholders." + p.getKey(), ref.path("name").asText(), ref.path("key").asText(null));
            }
        }
    }

    // ---------------------------------------------------------------- Ingress

    private void ingress() {
        for (K8sObject ingress : of("Ingress")) {
            for (JsonNode tls : ingress.at("spec.tls")) {
                secretRef(ingress, "spec.tls.secretName", tls.path("secretName").asText(), "tls.crt");
            }
            if (ingress.at("spec.tls").isEmpty()) {
                add(ingress, "spec.tls is missing: the gateway is served over TLS only");
            }
            for (JsonNode rule : ingress.at("spec.rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String service = path.path("backend").path("service").path("name").asText();
                    Optional<K8sObject> target = find("Service", ingress.namespace(), service);
                    if (target.isEmpty()) {
                        add(ingress, "spec.rules[" + rule.path("host").asText() + "].backend.service.name '" + service
                                + "' is no Service of this overlay");
                    } else if (!"gateway".equals(labels(target.get().at("metadata.labels")).get("app.kubernetes.io/component"))) {
                        add(ingress, "spec.rules[" + rule.path("host").asText() + "].backend.service.name '" + service
                                + "': only the gateway may be exposed");
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private void secretRef(K8sObject where, String field, String name, String key) {
        String problem = secrets.problem(name, key);
        if (problem != null) {
            add(where, field + ": " + problem);
        }
    }

    private List<K8sObject> podOwners(String namespace, Map<String, String> selector) {
        return of("Deployment").stream()
                .filter(d -> d.namespace().equals(namespace))
                .filter(d -> matches(selector, labels(d.at("spec.template.metadata.labels"))))
                .toList();
    }

    private List<K8sObject> of(String kind) {
        return objects.stream().filter(o -> kind.equals(o.kind())).toList();
    }

    private Optional<K8sObject> find(String kind, String namespace, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.kind()) && name.equals(o.name()) && namespace.equals(o.namespace()))
                .findFirst();
    }

    private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
        return labels;
    }

    private void add(K8sObject where, String what) {
        findings.add(where.where() + ": " + what);
    }
}
