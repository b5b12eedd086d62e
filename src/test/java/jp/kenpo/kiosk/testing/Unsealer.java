package jp.kenpo.kiosk.testing;

import java.nio.file.Path;
import java.security.PrivateKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Opens a SealedRegistration with the demo central service's private key, as the central service does. */
public final class Unsealer {

    public static final Path DEMO_PRIVATE_KEY = Path.of("kiosk-config/demo-central/central-private.pem");

    private Unsealer() {
    }

    public static PrivateKey demoKey() throws Exception {
        return jp.kenpo.kiosk.central.Unsealer.readPrivateKey(DEMO_PRIVATE_KEY);
    }

    /** The plaintext Registration JSON of a SealedRegistration envelope. */
    public static JsonNode open(byte[] envelope) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode e = json.readTree(envelope);
        JsonNode sealed = e.get("sealed");
        return json.readTree(jp.kenpo.kiosk.central.Unsealer.open(demoKey(), e.get("registrationId").asText(),
                sealed.get("wrappedKey").asText(), sealed.get("iv").asText(), sealed.get("ciphertext").asText()));
    }
}
