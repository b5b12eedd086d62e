package jp.kenpo.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The central service's certificate is verified: a server whose certificate no trusted authority
 * signed is refused, and accepted once its CA is configured ({@code central.caFile}).
 */
class CentralTlsTest {

    private static final String PASS = "test-only-pass";

    @TempDir
    Path dir;

    HttpsServer server;

    private void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @BeforeEach
    void start() throws Exception {
        Path store = dir.resolve("central.p12");
        keytool("-genkeypair", "-alias", "central", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASS, "-keypass", PASS);
        keytool("-exportcert", "-rfc", "-alias", "central", "-keystore", store.toString(), "-storepass", PASS,
                "-file", dir.resolve("central-ca.pem").toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, PASS.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/v1/heartbeat", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int heartbeat(Path caFile) throws Exception {
        CentralClient client = new CentralClient("https://127.0.0.1:" + server.getAddress().getPort(), "t",
                CentralClient.tls(caFile), Duration.ofSeconds(10));
        return client.heartbeat(Map.of("kioskId", "K07"));
    }

    @Test
    void anUnknownCertificateIsRefusedAndItsConfiguredAuthorityAccepted() throws Exception {
        assertThat(heartbeat(null)).as("not signed by a system authority").isEqualTo(-1);
        assertThat(heartbeat(dir.resolve("central-ca.pem"))).isEqualTo(204);
    }

    @Test
    void aCaFileWithoutCertificatesIsAClearError() throws Exception {
        Path empty = dir.resolve("empty.pem");
        java.nio.file.Files.writeString(empty, "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CentralClient.tls(empty))
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }
}
