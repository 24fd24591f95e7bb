package app.detach.notification;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the real SMTP server of the tests (GreenMail) received, and the parts of a message. */
public final class Mails {

    private Mails() {
    }

    /** Waits until exactly {@code count} emails to {@code address} arrived, then returns them. */
    public static List<MimeMessage> await(String address, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> to(address), l -> l.size() == count);
    }

    public static List<MimeMessage> to(String address) {
        return Arrays.stream(GreenMailTestResource.server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** The text of the message's first part of this type (text/plain, text/html). */
    public static String part(MimeMessage mail, String type) throws Exception {
        for (Part p : leaves(mail)) {
            if (p.isMimeType(type)) {
                return p.getContent().toString();
            }
        }
        throw new AssertionError("no " + type + " part in " + GreenMailUtil.getWholeMessage(mail));
    }

    /** The content types of every part that is not the text or HTML body (attachments, inline files). */
    public static List<String> attachments(MimeMessage mail) throws Exception {
        List<String> found = new ArrayList<>();
        for (Part p : leaves(mail)) {
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || p.getFileName() != null
                    || !(p.isMimeType("text/plain") || p.isMimeType("text/html"))) {
                found.add(p.getContentType());
            }
        }
        return found;
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> out = new ArrayList<>();
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                out.addAll(leaves(multipart.getBodyPart(i)));
            }
        } else {
            out.add(part);
        }
        return out;
    }
}
