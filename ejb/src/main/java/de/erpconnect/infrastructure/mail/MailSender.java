package de.erpconnect.infrastructure.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.jboss.logging.Logger;

/**
 * Sends plain-text mails through the server's mail session {@code java:jboss/mail/ErpConnect}. A
 * failure is logged with the recipient's domain only (never the text: it may hold a link with a
 * token) and reported to the caller as {@code false}.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    @Resource(lookup = "java:jboss/mail/ErpConnect")
    Session session;

    public boolean send(String to, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom();
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(text, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            Transport.send(message);
            return true;
        } catch (MessagingException | RuntimeException e) {
            LOG.warnf(
                    "ERPC0060: a mail to a recipient at %s could not be sent: %s",
                    to.substring(to.indexOf('@') + 1), e.getClass().getSimpleName());
            return false;
        }
    }
}
