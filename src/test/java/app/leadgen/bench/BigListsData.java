package app.leadgen.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Data generator of the big-lists benchmark (not a test): fills {@code -Dbench.rows} (100,000)
 * findings, contacts and companies (plus their runs, profiles and places) straight into a database,
 * PostgreSQL by {@code COPY}, H2 by batched inserts. The stored keys of issue #13 (duplicate counts,
 * sort keys, search text) are written when the schema has them, so the same generator fills a
 * database of main before the change ({@code -Dbench.migrate=false}: the app migrated it).
 *
 * <pre>
 * java -cp ... app.leadgen.bench.BigListsData jdbc:postgresql://127.0.0.1:5432/db postgres ""
 * </pre>
 */
public final class BigListsData {

    private static final String[] FIRST = {"Anna", "Jörg", "Lena", "Murat", "Sophie", "Paul", "Emma", "Ali", "Marie"};
    private static final String[] LAST = {"Müller", "Schmidt", "Weiß", "Yılmaz", "Becker", "Koch", "Wagner", "Zöller"};
    private static final String[] CITIES = {"Berlin", "Köln", "München", "Hamburg", "Leipzig", "Essen", "Bonn", "Kiel"};
    private static final String[] CATEGORIES = {"restaurant", "cafe", "hair_care", "gym", "bakery", "florist"};
    private static final String[] STATUSES = {"discovered", "qualified", "email_sent", "replied", "disqualified"};
    private static final String[] WORDS = {"Yoga", "für", "Größere", "Coaching", "Köln", "Kaffee", "Fitness", "Zen"};
    private static final int RUNS = 20;

    private final Connection db;
    private final boolean postgres;
    private final boolean keys;
    private final int rows;
    private final Random random = new Random(42);
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

    private BigListsData(Connection db, int rows) throws SQLException {
        this.db = db;
        this.rows = rows;
        this.postgres = db.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        try (ResultSet rs = db.getMetaData().getColumns(null, null, postgres ? "leads" : "leads", null)) {
            boolean found = false;
            while (rs.next()) {
                found |= rs.getString("COLUMN_NAME").equalsIgnoreCase("sort_bio");
            }
            this.keys = found;
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args.length > 1 ? args[1] : "sa";
        String password = args.length > 2 ? args[2] : "";
        int rows = Integer.getInteger("bench.rows", 100_000);
        if (Boolean.parseBoolean(System.getProperty("bench.migrate", "true"))) {
            Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        }
        long t0 = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            BigListsData data = new BigListsData(db, rows);
            data.fill();
            db.commit();
            try (Statement s = db.createStatement()) {
                if (data.postgres) {
                    db.setAutoCommit(true);
                    s.execute("vacuum analyze");
                } else {
                    s.execute("analyze");
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "filled %,d findings, contacts and companies (%s, stored keys: %s) in %.1f s%n",
                    rows,
                    data.postgres ? "PostgreSQL COPY" : "H2 batch inserts",
                    data.keys,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    private void fill() throws SQLException, IOException {
        long firstRun = runs();
        int usernames = Math.max(1, rows * 6 / 10);
        int places = rows / 5;
        // profiles: one per username; places: the Places findings
        List<Object[]> profiles = new ArrayList<>();
        String[][] profileKeys = new String[usernames][];
        Object[] followers = new Object[usernames];
        for (int u = 0; u < usernames; u++) {
            String name = pick(FIRST) + " " + pick(LAST);
            String bio = pick(WORDS) + " " + pick(WORDS) + ", " + pick(WORDS) + " #" + u;
            String email = random.nextInt(10) < 6 ? "user" + u + "@mail" + (u % 97) + ".de" : null;
            String phone = random.nextInt(10) < 4 ? "+49301" + (1000000 + u) : null;
            String website = random.nextInt(10) < 5 ? "https://user" + u + ".de" : null;
            Long f = random.nextInt(10) < 9 ? (long) random.nextInt(500_000) : null;
            profileKeys[u] = new String[] {name, bio, email, phone, website};
            followers[u] = f;
            profiles.add(new Object[] {"user" + u, name, bio, email, phone, website, f, time(u)});
        }
        copy("ig_profiles", "username, full_name, bio, email, phone, website, followers, updated_at", profiles);

        List<Object[]> placeRows = new ArrayList<>();
        for (int p = 0; p < places; p++) {
            placeRows.add(new Object[] {
                "place" + p,
                firstRun,
                "Ort " + pick(WORDS) + " " + p,
                pick(CATEGORIES),
                pick(CITIES),
                random.nextInt(10) < 5 ? "info@place" + p + ".de" : null,
                1 + random.nextInt(40) / 10.0,
                random.nextInt(2000),
                pick(STATUSES).equals("qualified") ? "qualified" : "discovered",
                random.nextInt(100),
                time(p),
                time(p)
            });
        }
        copy(
                "places",
                "place_id, run_id, name, category, city, email, rating, review_count, status, score, discovered_at,"
                        + " updated_at",
                placeRows);

        // findings: 4 of 5 Instagram (usernames repeat over runs: duplicates), 1 of 5 a place
        int[] occurrences = new int[usernames];
        int[] userOf = new int[rows];
        for (int i = 0; i < rows; i++) {
            userOf[i] = i % 5 == 4 ? -1 : random.nextInt(usernames);
            if (userOf[i] >= 0) {
                occurrences[userOf[i]]++;
            }
        }
        List<Object[]> leads = new ArrayList<>();
        int place = 0;
        for (int i = 0; i < rows; i++) {
            long run = firstRun + i % RUNS;
            Timestamp found = time(i);
            if (userOf[i] >= 0) {
                int u = userOf[i];
                Object[] row = {run, "instagram", "tag" + (i % 1000) + "_" + i, "user" + u, null, "k" + (i % 7), found};
                leads.add(
                        keys
                                ? concat(
                                        row,
                                        occurrences[u],
                                        left(profileKeys[u][0]),
                                        left(profileKeys[u][1]),
                                        profileKeys[u][2],
                                        profileKeys[u][3],
                                        left(profileKeys[u][4]),
                                        followers[u])
                                : row);
            } else {
                Object[] p = placeRows.get(place++ % places);
                Object[] row = {run, "places", null, null, p[0], "k" + (i % 7), found};
                leads.add(
                        keys
                                ? concat(
                                        row, 1, null, null, p[5], null, null, null, p[2], p[3], p[4], p[6], p[7], p[8],
                                        p[9])
                                : row);
            }
            if (leads.size() == 50_000) {
                copyLeads(leads);
                leads.clear();
            }
        }
        copyLeads(leads);
        if (keys) {
            List<Object[]> counts = new ArrayList<>();
            for (int u = 0; u < usernames; u++) {
                if (occurrences[u] > 0) {
                    counts.add(new Object[] {"user" + u, occurrences[u]});
                }
            }
            copy("lead_usernames", "username, occurrences", counts);
        }

        List<Object[]> companies = new ArrayList<>();
        String[][] company = new String[rows][];
        for (int c = 0; c < rows; c++) {
            String name = "Firma " + pick(WORDS) + " " + c;
            String city = random.nextInt(10) < 9 ? pick(CITIES) : null;
            company[c] = new String[] {name, city};
            companies.add(new Object[] {
                name,
                "firma" + c + ".de",
                "https://firma" + c + ".de",
                city,
                Integer.toString(10000 + c % 89999),
                "DE",
                pick(CATEGORIES),
                1 + random.nextInt(40) / 10.0,
                random.nextInt(3000),
                "csv",
                time(c),
                time(c)
            });
        }
        copy(
                "companies",
                "name, domain, website, city, postal_code, country, category, rating, review_count, sources,"
                        + " created_at, updated_at",
                companies);
        long firstCompany = single("select min(id) from companies where domain = 'firma0.de'");

        List<Object[]> contacts = new ArrayList<>();
        for (int c = 0; c < rows; c++) {
            String first = pick(FIRST);
            String last = pick(LAST);
            int co = random.nextInt(rows);
            String email = "p" + c + "@firma" + co + ".de";
            String instagram = random.nextInt(10) < 3 ? "insta" + c : null;
            Object[] row = {
                firstCompany + co,
                first,
                last,
                first + " " + last,
                random.nextInt(10) < 3 ? "Inhaberin" : null,
                email,
                "ok",
                random.nextInt(10) < 5 ? "+49221" + (1000000 + c) : null,
                instagram,
                pick(STATUSES),
                "csv",
                time(c),
                time(rows - c)
            };
            String search = (first + " " + last + "|" + email + "|" + (instagram == null ? "" : instagram) + "|"
                            + company[co][0] + "|" + (company[co][1] == null ? "" : company[co][1]))
                    .toLowerCase(Locale.ROOT);
            contacts.add(keys ? concat(row, company[co][0], company[co][1], search) : row);
            if (contacts.size() == 50_000) {
                copyContacts(contacts);
                contacts.clear();
            }
        }
        copyContacts(contacts);
    }

    private void copyLeads(List<Object[]> leads) throws SQLException, IOException {
        String base = "run_id, source, hashtag, username, place_id, keyword, found_at";
        if (!keys) {
            copy("leads", base, leads);
            return;
        }
        List<Object[]> ig = leads.stream().filter(r -> r.length == 14).toList();
        List<Object[]> pl = leads.stream().filter(r -> r.length != 14).toList();
        copy(
                "leads",
                base + ", occurrences, sort_full_name, sort_bio, sort_email, sort_phone, sort_website, sort_followers",
                ig);
        copy(
                "leads",
                base + ", occurrences, sort_full_name, sort_bio, sort_email, sort_phone, sort_website, sort_followers,"
                        + " sort_name, sort_category, sort_city, sort_rating, sort_review_count, sort_status, sort_score",
                pl);
    }

    private void copyContacts(List<Object[]> contacts) throws SQLException, IOException {
        String base = "company_id, first_name, last_name, full_name, position, email, email_check, phone, instagram,"
                + " status, sources, created_at, updated_at";
        copy("contacts", keys ? base + ", sort_company, sort_city, search_text" : base, contacts);
    }

    private long runs() throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into runs (source, keyword, status, stage, created_at)"
                + " values (?, 'bench', 'COMPLETED', 'DONE', ?)")) {
            for (int r = 0; r < RUNS; r++) {
                ps.setString(1, r % 5 == 4 ? "places" : "instagram");
                ps.setTimestamp(2, time(r));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return single("select max(id) from runs") - RUNS + 1;
    }

    /** PostgreSQL: COPY in CSV format; H2: one prepared insert, batched. */
    private void copy(String table, String columns, List<Object[]> data) throws SQLException, IOException {
        if (data.isEmpty()) {
            return;
        }
        if (postgres) {
            StringBuilder csv = new StringBuilder();
            for (Object[] row : data) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    Object v = row[i];
                    if (v instanceof String s) {
                        csv.append('"').append(s.replace("\"", "\"\"")).append('"');
                    } else if (v instanceof Timestamp t) {
                        csv.append(t.toInstant());
                    } else if (v != null) {
                        csv.append(v);
                    }
                }
                csv.append('\n');
            }
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(
                    "copy " + table + " (" + columns + ") from stdin (format csv)", new StringReader(csv.toString()));
            return;
        }
        int n = columns.split(",").length;
        String sql = "insert into " + table + " (" + columns + ") values (" + "?, ".repeat(n - 1) + "?)";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            int batch = 0;
            for (Object[] row : data) {
                for (int i = 0; i < n; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
                if (++batch % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private long single(String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Timestamp time(long i) {
        return Timestamp.from(start.plusSeconds(i * 37 % 31_536_000 + random.nextInt(60)));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String left(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }

    private static Object[] concat(Object[] a, Object... b) {
        Object[] out = new Object[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
