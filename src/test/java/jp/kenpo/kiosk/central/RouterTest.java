package jp.kenpo.kiosk.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** An endpoint is one class and one {@code add} line; the router answers 401, 404, 405 before it. */
class RouterTest {

    HttpServer http;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Router router = new Router(new DeviceAuth(Set.of("t")), new FaultInjection(Faults.NONE, new Random(1)))
                .add("POST", "/v1/things/{thingId}/poke",
                        r -> Http.send(r.exchange(), 200, "{\"thing\":\"" + r.params().get("thingId") + "\"}"))
                .add("GET", "/v1/things/{thingId}/poke", r -> Http.send(r.exchange(), 200, "{}"));
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        http.createContext("/", router);
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.getAddress().getPort()
                + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTemplatesParameterReachesTheEndpoint() throws Exception {
        HttpResponse<String> res = call("POST", "/v1/things/abc-1/poke", "t");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"thing\":\"abc-1\"}");
    }

    @Test
    void theTokenComesFirstThenThePathThenTheMethod() throws Exception {
        assertThat(call("POST", "/v1/nothing", null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/v1/things/abc/poke", "wrong").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/v1/nothing", "t").statusCode()).isEqualTo(404);
        assertThat(call("POST", "/v1/things//poke", "t").statusCode()).as("an empty parameter").isEqualTo(404);
        assertThat(call("POST", "/v1/things/a/b/poke", "t").statusCode()).isEqualTo(404);
        HttpResponse<String> wrong = call("DELETE", "/v1/things/abc/poke", "t");
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).contains("POST, GET");
    }
}
