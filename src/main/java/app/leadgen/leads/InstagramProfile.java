package app.leadgen.leads;

import app.leadgen.support.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Everything known about one Instagram username, shared by all findings of that username. */
@Entity
@Table(name = "ig_profiles")
class InstagramProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true)
    String username;

    String fullName;
    String bio;
    String email;
    String emailSource;
    String phone;
    String phoneSource;
    String website;
    String websiteSource;
    Long followers;
    Long following;
    Long posts;
    Boolean verified;
    Instant enrichedAt;
    Instant websearchAt;
    String emailCheck;
    String profileSource;
    Long contactId;
    Long companyId;
    String draftSubject;
    String draftBody;
    Instant sentAt;

    @Column(nullable = false)
    Instant updatedAt;

    protected InstagramProfile() {}

    InstagramProfile(String username, Instant now) {
        this.username = username;
        this.updatedAt = now;
    }

    /** A fresh scrape replaces scraped values, but never erases a value with "nothing". */
    void applyScrape(ProfileData data, Instant now) {
        fullName = prefer(Texts.stripped(data.fullName(), 500), fullName);
        bio = prefer(Texts.stripped(data.bio(), 4000), bio);
        followers = data.followers() != null ? data.followers() : followers;
        following = data.following() != null ? data.following() : following;
        posts = data.posts() != null ? data.posts() : posts;
        verified = data.verified() != null ? data.verified() : verified;
        profileSource = Texts.stripped(data.source(), 200);
        if (!ContactData.isBlank(data.email())) {
            email = Texts.stripped(data.email(), 320);
            emailSource = data.source();
            emailCheck = null;
        }
        if (!ContactData.isBlank(data.phone())) {
            phone = Texts.stripped(data.phone(), 100);
            phoneSource = data.source();
        }
        if (!ContactData.isBlank(data.website())) {
            website = Texts.stripped(data.website(), 2000);
            websiteSource = data.source();
        }
        enrichedAt = now;
        updatedAt = now;
    }

    /** Fills only the fields that are still empty; a scraped value is never overwritten. */
    void fillMissing(ContactData contact, String source, Instant now) {
        if (ContactData.isBlank(email) && !ContactData.isBlank(contact.email())) {
            email = Texts.stripped(contact.email(), 320);
            emailSource = source;
        }
        if (ContactData.isBlank(phone) && !ContactData.isBlank(contact.phone())) {
            phone = Texts.stripped(contact.phone(), 100);
            phoneSource = source;
        }
        if (ContactData.isBlank(website) && !ContactData.isBlank(contact.website())) {
            website = Texts.stripped(contact.website(), 2000);
            websiteSource = source;
        }
        websearchAt = now;
        updatedAt = now;
    }

    boolean missingContact() {
        return ContactData.isBlank(email) || ContactData.isBlank(phone) || ContactData.isBlank(website);
    }

    private static String prefer(String fresh, String old) {
        return ContactData.isBlank(fresh) ? old : fresh;
    }
}
