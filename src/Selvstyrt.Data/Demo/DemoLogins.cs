namespace Selvstyrt.Data.Demo;

/// <summary>One sign-in per role of the demo provider; printed at start and listed in the README.</summary>
public static class DemoLogins
{
    /// <summary>The password of every demo account. Demo data only: never seed it in production.</summary>
    public const string Password = "demo-passord";

    public const string ProviderAdmin = "admin@demo.no";
    public const string CoordinatorEast = "koordinator.ost@demo.no";
    public const string CoordinatorWest = "koordinator.vest@demo.no";
    public const string WorkLeader = "arbeidsleder@demo.no";
    public const string CoWorkLeader = "medarbeidsleder@demo.no";
    public const string Deputy = "stedfortreder@demo.no";
    public const string Assistant = "assistent@demo.no";
    public const string FormerAssistant = "tidligere.assistent@demo.no";

    /// <summary>A colleague of <see cref="Assistant"/> in the 24/7 arrangement, who can answer offers of vacant shifts.</summary>
    public const string Substitute = "vikar@demo.no";
    public const string CaseWorkerOslo = "saksbehandler.oslo@demo.no";
    public const string CaseWorkerBaerum = "saksbehandler.baerum@demo.no";
    public const string CaseWorkerBergen = "saksbehandler.bergen@demo.no";
    public const string Auditor = "revisor@demo.no";
    public const string UnionRepresentative = "tillitsvalgt@demo.no";

    /// <summary>The logins as (role in Norwegian, e-mail), in the order they are printed.</summary>
    public static readonly IReadOnlyList<(string Role, string Email)> All =
    [
        ("Leverandøradministrator", ProviderAdmin),
        ("Koordinator, kontor Øst", CoordinatorEast),
        ("Koordinator, kontor Vest", CoordinatorWest),
        ("Arbeidsleder (døgnordning 2:1)", WorkLeader),
        ("Medarbeidsleder (ordning for et barn)", CoWorkLeader),
        ("Stedfortreder", Deputy),
        ("Assistent (to ordninger)", Assistant),
        ("Assistent i døgnordningen (svarer på tilbud om ledige vakter)", Substitute),
        ("Tidligere assistent (oppdraget er avsluttet)", FormerAssistant),
        ("Saksbehandler, Oslo kommune", CaseWorkerOslo),
        ("Saksbehandler, Bærum kommune", CaseWorkerBaerum),
        ("Saksbehandler, Bergen kommune", CaseWorkerBergen),
        ("Revisor (kun lesetilgang, oppgi formål)", Auditor),
        ("Tillitsvalgt (arbeidsplaner og arbeidstid)", UnionRepresentative),
    ];
}
