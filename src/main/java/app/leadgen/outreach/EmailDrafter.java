package app.leadgen.outreach;

import app.leadgen.leads.LeadQuery;
import app.leadgen.leads.LeadRow;
import app.leadgen.leads.LeadStore;
import app.leadgen.support.ApiProblem;
import org.springframework.stereotype.Service;

/** Fills the prompts with a lead's data, lets the model write, and keeps the draft with the lead. */
@Service
public class EmailDrafter {

    private final LeadQuery leads;
    private final LeadStore store;
    private final DraftSettings settings;
    private final DraftWriter writer;
    private final ContactMail contacts;

    EmailDrafter(LeadQuery leads, LeadStore store, DraftSettings settings, DraftWriter writer, ContactMail contacts) {
        this.leads = leads;
        this.store = store;
        this.settings = settings;
        this.writer = writer;
        this.contacts = contacts;
    }

    public Draft draft(String username) {
        LeadRow lead =
                leads.latestOf(username).orElseThrow(() -> ApiProblem.notFound("problem.lead.not-found", username));
        DraftSettings.Prompts prompts = settings.prompts();
        Draft draft = writer.write(
                PromptTemplate.fill(prompts.system(), lead),
                PromptTemplate.fill(prompts.user(), lead),
                settings.model());
        store.saveDraft(lead.username(), draft.subject(), draft.body());
        return draft;
    }

    /** A draft for any lead-book contact: a place's, an import's or an Instagram account's. */
    public Draft draftContact(long contactId) {
        var contact = contacts.contact(contactId);
        var values = contacts.placeholders(contact);
        DraftSettings.Prompts prompts = settings.prompts();
        Draft draft = writer.write(
                PromptTemplate.fill(prompts.system(), values),
                PromptTemplate.fill(prompts.user(), values),
                settings.model());
        contacts.keepDraft(contact, draft.subject(), draft.body());
        return draft;
    }

    /** The contact's kept draft and when it was sent, for its editor. */
    public StoredDraft stored(long contactId) {
        return contacts.stored(contactId);
    }
}
