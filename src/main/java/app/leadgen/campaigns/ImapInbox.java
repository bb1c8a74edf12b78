package app.leadgen.campaigns;

import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a mailbox's INBOX over IMAP (Jakarta Mail): the mails after the last UID read, oldest first,
 * at most a batch of them (the first read looks at the newest batch only). The folder is opened read-only ({@code EXAMINE}), so a person's unread
 * mails stay unread. A new UIDVALIDITY (the inbox was rebuilt) starts from the beginning again;
 * what is done with a mail is idempotent, so reading one twice does no harm.
 */
@Component
class ImapInbox {

    private static final Logger log = LoggerFactory.getLogger(ImapInbox.class);
    private static final int TIMEOUT_MS = 20_000;

    /** What one read found; {@code lastUid} is the highest UID looked at (0: none yet). */
    record Batch(long uidValidity, long lastUid, List<InboundMail> mails) {}

    Batch read(MailboxImap.Account account, int max) {
        try (Store store = connect(account)) {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                boolean same =
                        account.uidValidity() != null && account.uidValidity() == validity && account.lastUid() != null;
                long from = same ? account.lastUid() + 1 : 1;
                List<Message> batch = new ArrayList<>();
                for (Message m : candidates(folder, uids, same, from, max)) {
                    // "from:*" also names the last mail when nothing is newer
                    if (uids.getUID(m) >= from && batch.size() < max) {
                        batch.add(m);
                    }
                }
                Message[] found = batch.toArray(Message[]::new);
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(FetchProfile.Item.CONTENT_INFO);
                for (String h : List.of("In-Reply-To", "References", "Auto-Submitted", "Precedence", "X-Autoreply")) {
                    profile.add(h);
                }
                folder.fetch(found, profile);
                List<InboundMail> mails = new ArrayList<>();
                long last = from - 1;
                for (Message m : found) {
                    long uid = uids.getUID(m);
                    try {
                        mails.add(InboundMail.of(uid, m));
                    } catch (IOException | MessagingException | RuntimeException e) {
                        // one mail we cannot read must not hold up the ones after it
                        log.warn("mailbox {}: mail {} skipped: {}", account.mailboxId(), uid, e.toString());
                    }
                    last = uid;
                }
                return new Batch(validity, last, mails);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw failure(account, e);
        }
    }

    /**
     * The mails to look at, their UIDs fetched: after the last UID read; on a first read (or a
     * rebuilt inbox) only the newest {@code max}, so an old, big inbox is not read from its start.
     */
    private static Message[] candidates(Folder folder, UIDFolder uids, boolean same, long from, int max)
            throws MessagingException {
        Message[] found;
        if (same) {
            found = uids.getMessagesByUID(from, UIDFolder.MAXUID);
        } else {
            int count = folder.getMessageCount();
            found = count == 0 ? new Message[0] : folder.getMessages(Math.max(1, count - max + 1), count);
        }
        FetchProfile uidOnly = new FetchProfile();
        uidOnly.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(found, uidOnly);
        return found;
    }

    /** „Verbindung testen": log in and open the inbox, read nothing. */
    void test(MailboxImap.Account account) {
        try (Store store = connect(account)) {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            folder.close(false);
        } catch (MessagingException e) {
            throw failure(account, e);
        }
    }

    private static Store connect(MailboxImap.Account account) throws MessagingException {
        String protocol = account.security().equals("ssl") ? "imaps" : "imap";
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "connectiontimeout", String.valueOf(TIMEOUT_MS));
        p.put(prefix + "timeout", String.valueOf(TIMEOUT_MS));
        p.put(prefix + "writetimeout", String.valueOf(TIMEOUT_MS));
        if (account.security().equals("starttls")) {
            // required, not opportunistic: the login never goes over a plain connection
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (!account.security().equals("none")) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        Store store = Session.getInstance(p).getStore(protocol);
        store.connect(account.host(), account.port(), account.user(), account.password());
        return store;
    }

    /** The failure in words a person can act on; never the password. */
    private static ExternalServiceException failure(MailboxImap.Account account, MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new ExternalServiceException(
                    "imap",
                    FailureKind.CREDENTIALS,
                    0,
                    "imap-login",
                    "the IMAP server " + account.host() + " refused the login of " + account.user(),
                    false,
                    null);
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        boolean timeout = cause instanceof java.net.SocketTimeoutException;
        return new ExternalServiceException(
                "imap",
                timeout ? FailureKind.TIMEOUT : FailureKind.UNAVAILABLE,
                0,
                "imap",
                "IMAP " + account.host() + ":" + account.port() + ": "
                        + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                true,
                null);
    }
}
