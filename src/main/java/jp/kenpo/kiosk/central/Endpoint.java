package jp.kenpo.kiosk.central;

import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * One endpoint of the reference server, registered with the {@link Router} under a method and a path
 * template. The router has checked the device token, the method and the fault switches before.
 */
@FunctionalInterface
interface Endpoint {

    /**
     * One authenticated request for this endpoint.
     *
     * @param exchange    the request; the answer is sent on it
     * @param deviceToken the request's accepted device token (it names the device)
     * @param params      the path template's parameters ({@code resumeId} of {@code /v1/signups/{resumeId}/claim})
     * @param faults      the fault switches as they were when the request arrived
     */
    record Request(HttpExchange exchange, String deviceToken, Map<String, String> params, Faults faults) {
    }

    /** Answers; returns the status sent, or {@link Http#DROPPED} when the connection was closed instead. */
    int answer(Request request) throws Exception;
}
