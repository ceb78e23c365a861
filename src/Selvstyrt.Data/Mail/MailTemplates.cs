using System.Globalization;
using NodaTime;

namespace Selvstyrt.Data.Mail;

/// <summary>
/// The e-mails Selvstyrt sends, in bokmål and as plain text (read well by every screen reader and mail program).
/// Written here rather than in the web app's resources because the command line sends the first one, before anyone
/// has chosen a language. No health details and no personal data beyond the recipient's own name.
/// </summary>
public static class MailTemplates
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public sealed record Mail(string Subject, string Body);

    /// <summary>The first administrator's link, from <c>selvstyrt admin create-provider</c>.</summary>
    public static Mail FirstAdministrator(string name, string providerName, string url, Instant expires)
        => new($"Velg passord for Selvstyrt – {providerName}",
            $"""
            Hei {name},

            {providerName} er satt opp i Selvstyrt, og du er administrator.

            Velg passordet ditt her (lenken virker én gang, til {When(expires)}):
            {url}

            Brukernavnet ditt er denne e-postadressen. Har du ikke bedt om dette, kan du se bort fra e-posten.

            Hilsen Selvstyrt
            """);

    /// <summary>An invitation to a role, with the link to choose a password (someone without an account yet).</summary>
    public static Mail Invitation(string name, string inviter, string role, string url, Instant expires)
        => new($"Invitasjon til Selvstyrt: {role}",
            $"""
            Hei {name},

            {inviter} har invitert deg til Selvstyrt som {role}.

            Velg passordet ditt her (lenken virker én gang, til {When(expires)}):
            {url}

            Brukernavnet ditt er denne e-postadressen. Selvstyrt er systemet for arbeidsplaner, timelister og timekonto i
            ordningen. Har du spørsmål, svar til den som inviterte deg.

            Hilsen Selvstyrt
            """);

    /// <summary>A new role for someone who already signs in.</summary>
    public static Mail NewRole(string name, string inviter, string role, string url)
        => new($"Ny rolle i Selvstyrt: {role}",
            $"""
            Hei {name},

            {inviter} har gitt deg en ny rolle i Selvstyrt: {role}.

            Logg inn som vanlig: {url}

            Hilsen Selvstyrt
            """);

    /// <summary>A reset link after «Glemt passord?».</summary>
    public static Mail ResetPassword(string name, string url, Instant expires)
        => new("Nytt passord i Selvstyrt",
            $"""
            Hei {name},

            Noen (forhåpentlig du) ba om å få velge nytt passord i Selvstyrt.

            Velg nytt passord her (lenken virker én gang, til {When(expires)}):
            {url}

            Har du ikke bedt om dette, kan du se bort fra e-posten: passordet ditt er ikke endret.

            Hilsen Selvstyrt
            """);

    /// <summary>A stored notification (a reminder) as an e-mail with a link into the app.</summary>
    public static Mail Notification(string name, string subject, string body, string url)
        => new(subject,
            $"""
            Hei {name},

            {body}

            Se mer i Selvstyrt: {url}

            Du får denne e-posten fordi du har en rolle i Selvstyrt. Alle varsler finner du under «Varsler».

            Hilsen Selvstyrt
            """);

    private static string When(Instant at)
        => at.InZone(DateTimeZoneProviders.Tzdb["Europe/Oslo"]).ToString("d. MMMM yyyy 'kl.' HH:mm", Norwegian);
}
