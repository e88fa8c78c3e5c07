package de.erpconnect.interfaces.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The GraphQL-over-HTTP envelope the gate checks before SmallRye parses it (which answers 500). */
class GraphqlEnvelopeTest {

    private static String problem(String contentType, String body) {
        return GraphqlGateFilter.postProblem(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wellFormedRequestsPass() {
        assertNull(problem("application/json", "{\"query\":\"{ x }\"}"));
        assertNull(problem(
                null, "{\"query\":\"{ x }\",\"variables\":{\"a\":1},\"operationName\":\"Q\",\"extensions\":null}"));
        assertNull(problem("application/graphql; charset=utf-8", "{ x }"));
    }

    @Test
    void malformedEnvelopesAreNamed() {
        assertEquals("The member \"query\" must be a string (the GraphQL document).", problem(null, "{\"query\":1}"));
        assertEquals("The member \"query\" must be a string (the GraphQL document).", problem(null, "{}"));
        assertEquals(
                "The member \"variables\" must be a JSON object.",
                problem(null, "{\"query\":\"x\",\"variables\":\"v\"}"));
        assertEquals(
                "The member \"operationName\" must be a string.",
                problem(null, "{\"query\":\"x\",\"operationName\":[]}"));
        assertEquals(
                "The member \"extensions\" must be a JSON object.",
                problem(null, "{\"query\":\"x\",\"extensions\":5}"));
        assertEquals("The request body must be a JSON object with the member \"query\".", problem(null, "[1]"));
        assertEquals("The request body (the query) is empty.", problem("application/graphql", " "));
    }

    @Test
    void brokenJsonDeepNestingAndInvalidUtf8AreRefused() {
        String notJson = "The request body is not well-formed JSON (at most 1000 levels deep).";
        assertEquals(notJson, problem(null, ""));
        assertEquals(notJson, problem(null, "{\"query\":"));
        assertEquals(
                notJson,
                problem(
                        null,
                        "{\"query\":\"x\",\"variables\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}"));
        assertEquals(
                "The request body is not valid UTF-8.",
                GraphqlGateFilter.postProblem(null, new byte[] {'{', (byte) 0xC3, 0x28, '}'}));
    }
}
