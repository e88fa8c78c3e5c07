package de.erpconnect.it;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Test-only servlet, deployed by GraphqlTimeoutIT in its own WAR (never in the product): holds
 * the row of one address locked ({@code SELECT … FOR UPDATE}) for some seconds, the way a long
 * transaction of the ERP would. The response headers are sent once the lock is held.
 */
@WebServlet("/lock")
public class RowLockProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:jboss/datasources/ErpConnectDS")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String adrNr = request.getParameter("adrNr");
        long millis = Long.parseLong(request.getParameter("seconds")) * 1000;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("select id from erp_address where adr_nr = ? for update")) {
                ps.setString(1, adrNr);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        response.sendError(404, "no address " + adrNr);
                        return;
                    }
                }
                response.setContentType("text/plain");
                response.getWriter().write("locked\n");
                response.flushBuffer();
                Thread.sleep(millis);
            } finally {
                c.rollback();
            }
            response.getWriter().write("released\n");
        } catch (SQLException e) {
            throw new IOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
