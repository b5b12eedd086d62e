package jp.kenpo.kiosk.central;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Every request of the reference server: the device token first (401), then the path (404) and the
 * method (405) among the registered {@link Endpoint}s, then the fault switches, then the endpoint.
 * Each request is logged with its path template (never the path: it may carry an id), status and time.
 * An endpoint is added with one {@link #add} line; a template's {@code {name}} matches one path segment.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);
    private static final String OTHER = "(other)";

    /** A path template's endpoints by method. */
    private record Route(String template, List<String> segments, Map<String, Endpoint> byMethod) {
    }

    private final DeviceAuth auth;
    private final FaultInjection faults;
    private final Map<String, Route> routes = new LinkedHashMap<>();

    Router(DeviceAuth auth, FaultInjection faults) {
        this.auth = auth;
        this.faults = faults;
    }

    /** Registers {@code endpoint} for {@code method} on {@code template} ({@code /v1/signups/{resumeId}/claim}). */
    Router add(String method, String template, Endpoint endpoint) {
        routes.computeIfAbsent(template, t -> new Route(t, List.of(t.split("/", -1)), new LinkedHashMap<>()))
                .byMethod().put(method, endpoint);
        return this;
    }

    @Override
    public void handle(HttpExchange ex) {
        RequestWatch.working(); // the headers have arrived
        long started = System.nanoTime();
        String method = ex.getRequestMethod();
        Map<String, String> params = new LinkedHashMap<>();
        Route route = route(ex.getRequestURI().getPath(), params);
        String logPath = route == null ? OTHER : route.template();
        int status = 500;
        try {
            status = dispatch(ex, method, route, params);
        } catch (Exception e) {
            // The exception's class only: a message could carry request content.
            LOG.warn("{} {} failed: {}", method, logPath, e.getClass().getSimpleName());
            status = 500;
            try {
                Http.send(ex, 500, Answers.INTERNAL);
            } catch (IOException | RuntimeException ignored) {
                // the answer could not be sent either
            }
        } finally {
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.info("{} {} {} {} ms", method, logPath, status == Http.DROPPED ? "dropped" : status, ms);
            // Without response headers this closes the connection: a dropped answer.
            RequestWatch.network();
            ex.close();
        }
    }

    private int dispatch(HttpExchange ex, String method, Route route, Map<String, String> params) throws Exception {
        String token = auth.bearer(ex);
        if (token == null) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            return Http.send(ex, 401, Answers.UNAUTHORIZED);
        }
        if (route == null) {
            return Http.send(ex, 404, Answers.NOT_FOUND);
        }
        Endpoint endpoint = route.byMethod().get(method);
        if (endpoint == null) {
            ex.getResponseHeaders().set("Allow", String.join(", ", route.byMethod().keySet()));
            return Http.send(ex, 405, Answers.METHOD_NOT_ALLOWED);
        }
        Faults f = faults.current();
        int failed = faults.before(ex, f);
        if (failed != 0) {
            return failed;
        }
        return endpoint.answer(new Endpoint.Request(ex, token, Map.copyOf(params), f));
    }

    /** The route whose template matches {@code path}, its parameters put in {@code params}; null for none. */
    private Route route(String path, Map<String, String> params) {
        String[] parts = path.split("/", -1);
        for (Route r : routes.values()) {
            if (matches(r.segments(), parts, params)) {
                return r;
            }
            params.clear();
        }
        return null;
    }

    private static boolean matches(List<String> template, String[] parts, Map<String, String> params) {
        if (template.size() != parts.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return false;
                }
                params.put(t.substring(1, t.length() - 1), parts[i]);
            } else if (!t.equals(parts[i])) {
                return false;
            }
        }
        return true;
    }
}
