package app.leadgen.imports;

/**
 * The ways to reach a row's contact: e-mail, phones, Instagram, LinkedIn. A value that is not
 * usable is dropped from its field with a warning; the row goes on without it. Of several columns
 * on one of these fields the first usable value wins, the other columns are kept as custom fields.
 */
final class RowContacts {

    private RowContacts() {}

    static void read(CsvRow row, RowDraft draft, ColumnPlan plan, String region) {
        email(row, draft, plan);
        phone(row, draft, plan, Field.PHONE, region);
        phone(row, draft, plan, Field.COMPANY_PHONE, region);
        for (int column : plan.columns(Field.INSTAGRAM)) {
            link(draft, plan.name(column), Cells.line(row.field(column)), Field.INSTAGRAM);
        }
        for (int column : plan.columns(Field.LINKEDIN)) {
            link(draft, plan.name(column), Cells.line(row.field(column)), Field.LINKEDIN);
        }
    }

    private static void email(CsvRow row, RowDraft draft, ColumnPlan plan) {
        for (int column : plan.columns(Field.EMAIL)) {
            String cell = row.field(column);
            String name = plan.name(column);
            EmailRules.Result result = EmailRules.clean(cell);
            if (result.email() == null && result.problem() == null) {
                continue; // empty
            }
            if (draft.has(Field.EMAIL)) {
                draft.keep(name, Cells.kept(cell));
            } else if (result.email() != null) {
                draft.set(Field.EMAIL, result.email());
                draft.emailProblem = null;
                if (result.more()) {
                    draft.keep(name, Cells.kept(cell)); // the other addresses of the cell are not lost
                }
            } else {
                draft.warn("email-" + result.problem(), name, Cells.kept(cell));
                if (draft.emailProblem == null) {
                    draft.emailProblem = result.problem();
                }
            }
        }
    }

    private static void phone(CsvRow row, RowDraft draft, ColumnPlan plan, Field field, String region) {
        for (int column : plan.columns(field)) {
            String cell = row.field(column);
            String name = plan.name(column);
            PhoneRules.Result result = PhoneRules.clean(cell, region);
            if (result.number() == null && !result.invalid()) {
                continue;
            }
            if (draft.has(field)) {
                draft.keep(name, Cells.kept(cell));
            } else if (result.number() != null) {
                draft.set(field, result.number());
                if (result.more()) {
                    draft.keep(name, Cells.kept(cell));
                }
            } else {
                draft.warn("phone-invalid", name, Cells.kept(cell));
            }
        }
    }

    private static void link(RowDraft draft, String column, String value, Field field) {
        if (value == null) {
            return;
        }
        if (draft.has(field)) {
            draft.keep(column, value);
            return;
        }
        var clean = field == Field.INSTAGRAM ? LinkRules.instagram(value) : LinkRules.linkedin(value);
        if (clean.isPresent()) {
            draft.set(field, clean.get());
        } else {
            draft.warn(field.json() + "-invalid", column, value);
        }
    }
}
