package jp.kenpo.kiosk.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Opens a SealedRegistration with the demo central service's private key, as the central service does. */
public final class Unsealer {

    public static final Path DEMO_PRIVATE_KEY = Path.of("kiosk-config/demo-central/central-private.pem");

    private Unsealer() {
    }

    public static PrivateKey demoKey() throws Exception {
        String pem = Files.readString(DEMO_PRIVATE_KEY);
        String body = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    }

    /** The plaintext Registration JSON of a SealedRegistration envelope. */
    public static JsonNode open(byte[] envelope) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode e = json.readTree(envelope);
        JsonNode sealed = e.get("sealed");
        Base64.Decoder b64 = Base64.getDecoder();
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.DECRYPT_MODE, demoKey(), new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT));
        byte[] key = rsa.doFinal(b64.decode(sealed.get("wrappedKey").asText()));
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, b64.decode(sealed.get("iv").asText())));
        aes.updateAAD(e.get("registrationId").asText().getBytes(StandardCharsets.UTF_8));
        return json.readTree(aes.doFinal(b64.decode(sealed.get("ciphertext").asText())));
    }
}
