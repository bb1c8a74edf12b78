package app.leadgen.outreach;

/** A file sent with a mail (the PDF proposal, a brochure): its name as the recipient sees it, its type and bytes. */
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        if (fileName == null || fileName.isBlank() || content == null) {
            throw new IllegalArgumentException("an attachment needs a name and content");
        }
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }
}
