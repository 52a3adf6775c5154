import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Proves the KafkaUsers' ACLs on the local broker's SCRAM listener from the other side: each service's user is
 * refused every topic it has no Write on (producing) and every topic it has no Read on (consuming). That they can
 * do what they need is what the services running as containers prove. Reads the plan of deploy/local/kafka/plan.
 *
 *   java -cp '<kafka lib>/*' AclProof.java <SCRAM bootstrap server> < plan
 */
public class AclProof {

    public static void main(String[] args) throws Exception {
        Map<String, String> passwords = new HashMap<>();
        Set<String> topics = new TreeSet<>();
        Map<String, Set<String>> writes = new HashMap<>();
        Map<String, Set<String>> reads = new HashMap<>();
        BufferedReader plan = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = plan.readLine()) != null; ) {
            String[] f = line.trim().split("\\s+");
            switch (f[0]) {
                case "topic" -> topics.add(f[1]);
                case "user" -> passwords.put(f[1], f[2]);
                case "acl" -> {
                    // a prefixed grant is kept as "<prefix>*"
                    String granted = f[4].equals("prefix") ? f[3] + "*" : f[3];
                    if (f[2].equals("topic") && f[5].equals("Write")) {
                        writes.computeIfAbsent(f[1], u -> new HashSet<>()).add(granted);
                    }
                    if (f[2].equals("topic") && f[5].equals("Read")) {
                        reads.computeIfAbsent(f[1], u -> new HashSet<>()).add(granted);
                    }
                }
                default -> { }
            }
        }
        int refused = 0;
        for (var user : new TreeSet<>(passwords.keySet())) {
            Properties client = new Properties();
            client.put("bootstrap.servers", args[0]);
            client.put("security.protocol", "SASL_PLAINTEXT");
            client.put("sasl.mechanism", "SCRAM-SHA-512");
            client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + user + "\" password=\"" + passwords.get(user) + "\";");
            client.put("max.block.ms", "10000");
            // an idempotent producer needs a Write grant somewhere (KIP-679); a read-only user (a tenant's pipeline) has none
            client.put("enable.idempotence", "false");
            client.put("key.serializer", StringSerializer.class.getName());
            client.put("value.serializer", StringSerializer.class.getName());
            client.put("key.deserializer", StringDeserializer.class.getName());
            client.put("value.deserializer", StringDeserializer.class.getName());
            client.put("group.id", user);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(client)) {
                for (String topic : topics) {
                    if (!grants(writes.getOrDefault(user, Set.of()), topic)) {
                        try {
                            producer.send(new ProducerRecord<>(topic, "acl-proof", "{}")).get();
                            throw new IllegalStateException(user + " could write to " + topic);
                        } catch (ExecutionException e) {
                            if (!(e.getCause() instanceof TopicAuthorizationException)) {
                                throw e;
                            }
                            refused++;
                        }
                    }
                }
            }
            Properties reader = new Properties();
            reader.putAll(client);
            reader.remove("group.id");
            reader.put("enable.auto.commit", "false");
            for (String topic : topics) {
                if (!grants(reads.getOrDefault(user, Set.of()), topic)) {
                    // assigned, without a group: the refusal can only be the topic's
                    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(reader)) {
                        TopicPartition partition = new TopicPartition(topic, 0);
                        consumer.assign(List.of(partition));
                        consumer.seekToBeginning(List.of(partition));
                        consumer.poll(Duration.ofSeconds(10));
                        throw new IllegalStateException(user + " could read " + topic);
                    } catch (TopicAuthorizationException e) {
                        refused++;
                    }
                }
            }
        }
        System.out.printf("    %d users were refused all %d writes and reads their ACLs do not grant%n", passwords.size(), refused);
    }

    /** Whether the grants (topic names, and prefixes as "<prefix>*") cover the topic. */
    static boolean grants(Set<String> granted, String topic) {
        return granted.stream().anyMatch(g -> g.endsWith("*") ? topic.startsWith(g.substring(0, g.length() - 1)) : g.equals(topic));
    }
}
