package app.leadgen.book;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Puts together the detail of one contact or company from the book and the findings behind it. */
@Service
public class Cards {

    private final JdbcClient jdbc;
    private final ContactQuery contacts;
    private final CompanyQuery companies;
    private final List<ContactFindings> findings;
    private final JsonMapper json;

    Cards(
            JdbcClient jdbc,
            ContactQuery contacts,
            CompanyQuery companies,
            List<ContactFindings> findings,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.companies = companies;
        this.findings = findings;
        this.json = json;
    }

    public Optional<ContactDetail> contact(long id) {
        return contacts.item(id).map(item -> {
            var extra = jdbc.sql("select notes, provenance, custom from contacts where id = :id")
                    .param("id", id)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .single();
            CompanyItem company = item.companyId() == null
                    ? null
                    : companies.item(item.companyId()).orElse(null);
            List<ContactDetail.ImportLine> imports = jdbc.sql(
                            "select import_id, line from contact_imports where contact_id = :id order by import_id, line")
                    .param("id", id)
                    .query((rs, n) -> new ContactDetail.ImportLine(rs.getLong(1), rs.getLong(2)))
                    .list();
            List<ContactFindings.Finding> found = new ArrayList<>();
            findings.forEach(f -> found.addAll(f.of(id)));
            found.sort(Comparator.comparing(
                    ContactFindings.Finding::foundAt, Comparator.nullsLast(Comparator.reverseOrder())));
            return new ContactDetail(
                    item.id(),
                    item.fullName(),
                    item.firstName(),
                    item.lastName(),
                    item.title(),
                    item.position(),
                    item.email(),
                    item.emailCheck(),
                    item.phone(),
                    item.instagram(),
                    item.linkedin(),
                    item.website(),
                    item.companyId(),
                    item.companyName(),
                    item.city(),
                    item.status(),
                    item.sources(),
                    item.tags(),
                    item.createdAt(),
                    item.updatedAt(),
                    extra[0],
                    company,
                    Provenance.read(json, extra[1]),
                    ContactMerge.customOf(json, extra[2]),
                    found,
                    imports);
        });
    }

    public Optional<CompanyDetail> company(long id) {
        return companies.item(id).map(item -> {
            String provenance = jdbc.sql("select provenance from companies where id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
            var people = contacts.page(
                            new ContactQuery.Filter(null, null, null, null, null, id),
                            0,
                            ContactQuery.MAX_PAGE_SIZE,
                            "fullName,asc")
                    .items();
            return new CompanyDetail(item, Provenance.read(json, provenance), people);
        });
    }
}
