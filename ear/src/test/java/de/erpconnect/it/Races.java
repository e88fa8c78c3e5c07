package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Requests that race each other: {@code n} threads send the same creation at the same moment. The
 * database's unique rule decides, and every loser must hear exactly what a sequential duplicate
 * hears (409 with the same detail), never a 500.
 */
final class Races {

    private Races() {}

    /** Sends {@code create} {@code n} times at once and a sequential duplicate after; the winner. */
    static Http.Res oneCreatedOthersConflict(int n, Callable<Http.Res> create) throws Exception {
        List<Http.Res> answers = OAuthFlowIT.atOnce(n, create);
        List<Integer> statuses = answers.stream().map(Http.Res::status).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(n - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        Http.Res sequential = create.call();
        assertEquals(409, sequential.status(), sequential.body());
        for (Http.Res r : answers) {
            if (r.status() == 409) {
                assertEquals(sequential.json().getString("detail"), r.json().getString("detail"));
            }
        }
        return answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
    }
}
