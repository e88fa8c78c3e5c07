package de.erpconnect.bench;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Bench only (never deployed in production; bench/graphql-bench.sh builds and deploys it): the
 * baseline for the GraphQL benchmark — the same rows as the measured GraphQL queries, from
 * hand-written SQL over the same connection pool, as JSON.
 *
 * <ul>
 *   <li>{@code GET /bench-baseline/address?adrNr=10042}: one address by key (as rowRead);
 *   <li>{@code GET /bench-baseline/page?from=10042}: 100 addresses from that key on with their
 *       postal addresses, one SQL join (as conRead(first: 100) with lnkPostalAddresses).
 * </ul>
 */
@WebServlet("/*")
public class BaselineServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:jboss/datasources/ErpConnectDS")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String json;
        try (Connection c = dataSource.getConnection()) {
            if ("/address".equals(request.getPathInfo())) {
                json = address(c, request.getParameter("adrNr"));
            } else if ("/page".equals(request.getPathInfo())) {
                json = page(c, request.getParameter("from"));
            } else {
                response.sendError(404);
                return;
            }
        } catch (SQLException e) {
            response.sendError(500);
            return;
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String address(Connection c, String adrNr) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select adr_nr, such_beg, status, gsp_kz, insert_lsn, modify_lsn"
                + " from erp_address where adr_nr = ?")) {
            ps.setString(1, adrNr);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "{\"data\":null}";
                }
                return Json.createObjectBuilder()
                        .add("data", Json.createObjectBuilder()
                                .add("fldAdrNr", rs.getString(1))
                                .add("fldSuchBeg", rs.getString(2))
                                .add("fldStatus", rs.getString(3))
                                .add("fldGspKz", rs.getBoolean(4))
                                .add("fldInsertLSN", rs.getLong(5))
                                .add("fldModifyLSN", rs.getLong(6)))
                        .build()
                        .toString();
            }
        }
    }

    private static String page(Connection c, String from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select a.adr_nr, a.such_beg, p.ans_nr, p.na1, p.str, p.plz, p.ort"
                + " from (select adr_nr, such_beg from erp_address where adr_nr >= ? order by adr_nr limit 100) a"
                + " left join erp_postal_address p on p.adr_nr = a.adr_nr order by a.adr_nr, p.ans_nr")) {
            ps.setString(1, from);
            JsonArrayBuilder rows = Json.createArrayBuilder();
            String current = null;
            JsonObjectBuilder row = null;
            JsonArrayBuilder postal = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String adrNr = rs.getString(1);
                    if (!adrNr.equals(current)) {
                        if (row != null) {
                            rows.add(row.add("lnkPostalAddresses", postal));
                        }
                        current = adrNr;
                        row = Json.createObjectBuilder().add("fldAdrNr", adrNr).add("fldSuchBeg", rs.getString(2));
                        postal = Json.createArrayBuilder();
                    }
                    if (rs.getString(4) != null) {
                        postal.add(Json.createObjectBuilder()
                                .add("fldAnsNr", rs.getInt(3))
                                .add("fldNa1", rs.getString(4))
                                .add("fldStr", rs.getString(5))
                                .add("fldPLZ", rs.getString(6))
                                .add("fldOrt", rs.getString(7)));
                    }
                }
            }
            if (row != null) {
                rows.add(row.add("lnkPostalAddresses", postal));
            }
            return Json.createObjectBuilder().add("data", rows).build().toString();
        }
    }
}
