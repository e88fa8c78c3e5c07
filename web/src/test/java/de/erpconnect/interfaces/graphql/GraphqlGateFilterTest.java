package de.erpconnect.interfaces.graphql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class GraphqlGateFilterTest {

    @Test
    void aClientThatClosedTheConnectionIsRecognisedThroughTheWrappers() {
        // what SmallRye throws when the client is gone: RuntimeException(JsonException(IOException))
        assertTrue(GraphqlGateFilter.clientWentAway(
                new RuntimeException(new IllegalStateException("I/O error", new IOException("Broken pipe")))));
        assertTrue(GraphqlGateFilter.clientWentAway(new IOException("Connection reset by peer")));
        assertTrue(GraphqlGateFilter.clientWentAway(new RuntimeException(new ClosedChannelException())));
    }

    @Test
    void everyOtherFailureStaysAFailure() {
        assertFalse(GraphqlGateFilter.clientWentAway(new RuntimeException("boom")));
        assertFalse(GraphqlGateFilter.clientWentAway(new RuntimeException(new SQLException("Broken pipe"))));
        assertFalse(GraphqlGateFilter.clientWentAway(new IOException("No space left on device")));
        assertFalse(GraphqlGateFilter.clientWentAway(new IOException((String) null)));
    }
}
