package openclaw.openai;

import java.util.Map;
import java.util.Optional;
import openclaw.http.ApiExchange;

/**
 * One authenticated request matched to a route.
 *
 * @param exchange the request and the way to answer it
 * @param pathParams values of the route's {@code {name}} segments
 * @param caller who is calling
 * @param context the API's services
 */
public record ApiCall(ApiExchange exchange, Map<String, String> pathParams, Caller caller, ApiContext context) {

    /** An authenticated caller: the gateway token ({@code gateway-token}) or an API key's name, with its scope. */
    public record Caller(String name, Scope scope) {}

    /** A path parameter of the route. */
    public String path(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no parameter " + name);
        }
        return v;
    }

    /** The JSON object body (400 when it is not one). */
    public JsonBody json() {
        return JsonBody.parse(exchange.body());
    }

    /** The JSON object body, or an empty object when there is no body. */
    public JsonBody jsonOrEmpty() {
        return JsonBody.parseOrEmpty(exchange.body());
    }

    /** A request header (case-insensitive). */
    public Optional<String> header(String name) {
        return exchange.header(name);
    }

    /** Sends a JSON answer with status 200. */
    public void ok(com.fasterxml.jackson.databind.JsonNode body) {
        ApiResponses.json(exchange, 200, body);
    }

    /** Requires {@code OpenAI-Beta: assistants=v2}, as the Assistants API does. */
    public void requireAssistantsBeta() {
        String beta = header("OpenAI-Beta").orElse("");
        if (!java.util.Arrays.stream(beta.split(","))
                .map(String::strip)
                .toList()
                .contains("assistants=v2")) {
            throw ApiError.invalidCode(
                    "missing_beta_header",
                    "You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try again by"
                            + " setting the header 'OpenAI-Beta: assistants=v2'.");
        }
    }
}
