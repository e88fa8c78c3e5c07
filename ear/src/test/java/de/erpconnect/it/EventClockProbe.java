package de.erpconnect.it;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Test-only servlet, deployed by PersonalDataIT in its own WAR (never in the product): moves the
 * event-log entries whose message contains a marker the given number of days into the past, the
 * way a year of operation would, so that the retention purge can be observed.
 */
@WebServlet("/backdate")
public class EventClockProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:jboss/datasources/ErpConnectDS")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String marker = request.getParameter("marker");
        int days = Integer.parseInt(request.getParameter("days"));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("update event_log set occurred_at = ? where message like ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(days, ChronoUnit.DAYS)));
            ps.setString(2, "%" + marker + "%");
            int updated = ps.executeUpdate();
            response.setContentType("text/plain");
            response.getWriter().write(String.valueOf(updated));
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
