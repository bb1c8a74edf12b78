package app.leadgen.book;

/**
 * A person was forgotten (GDPR Art. 17): the lead book has erased the contact and keeps only keyed
 * hashes. Every module that stores something of the person erases it when it hears this: findings
 * and profiles, drafts and sends, import lines. Kept in the event publication registry until every
 * listener has handled it.
 *
 * @param email the contact's normalised address, or null
 * @param instagram the contact's Instagram username, or null
 */
public record ContactForgotten(long contactId, String email, String instagram) {}
