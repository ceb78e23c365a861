using System.Net;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// quality.md S1: every endpoint and page from the app's own route table, checked for every demo role,
/// anonymous users, a former assistant, case workers of other municipalities and another provider's
/// administrator, against own objects, other objects of the same provider and objects of another
/// provider. Foreign objects must answer exactly like missing ones (404), and the other provider's
/// canary string must never appear in any response. A route missing from the expected table fails.
/// </summary>
public sealed class AuthorizationMatrixTests(Hosts hosts)
{
    private enum Gate
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,

        /// <summary>Any signed-in user; anonymous page requests go to sign-in, anonymous API calls get 401.</summary>
        SignedIn,

        /// <summary>Signed in and related to the object in the route (arrangement, assistant or municipality).</summary>
        Object,

        /// <summary>A state-changing form post or API call: refused without an antiforgery token when a cookie is used.</summary>
        Unsafe,
    }

    private enum ObjectKind
    {
        None,
        /// <summary>A person's account (the demo work leader's): an erasure request is the provider's administrator's alone.</summary>
        Account,
        Arrangement,
        Assistant,
        Municipality,
        /// <summary>A time sheet: its assistant, and those who see the arrangement's plan.</summary>
        TimeSheet,
        /// <summary>A payroll export: no demo export exists, so every id is unknown.</summary>
        Export,
        /// <summary>An assistant's working-time record: the assistant and the employer's side (not work leaders).</summary>
        WorkingTime,
        /// <summary>An office's edit page: the provider's administrator only.</summary>
        Office,
        /// <summary>A provider's payroll reports: its administrator and its office coordinators.</summary>
        Provider,
        /// <summary>
        /// A working-time agreement: the provider's roles (administrator, coordinators, union representative) read every one;
        /// a work leader those of the employer as a whole and of the arrangements they lead.
        /// </summary>
        Agreement,
        /// <summary>An employment contract (the seeded paper one of each assistant): the two parties only, never a work leader.</summary>
        Contract,
        /// <summary>The demo's recruitment in arrangement 10 and its applicant: those who lead the arrangement and the employer's side.</summary>
        Posting,
        /// <summary>The demo's talks in arrangement 10 with the demo assistant: those who lead it, the employer's side, and the assistant.</summary>
        Talk,
        /// <summary>Incidents the demo assistant reported in arrangement 10: the reporter, those who lead it, and the employer's side.</summary>
        Incident,
        /// <summary>Risk analyses: arrangement 10's (its leaders and the employer's side) and the administration's (the administrator and every coordinator).</summary>
        Risk,
        /// <summary>A survey's results: the provider's administrator and its coordinators.</summary>
        SurveyResults,
        /// <summary>A survey to answer: those it was sent to (the open HMS survey: the demo assistant and the substitute).</summary>
        SurveyAnswer,
        /// <summary>The provider's Transparency Act register and statements: its administrator and coordinators.</summary>
        Transparency,
        /// <summary>An arrangement's annual wheel: those who lead or manage it, and its deputy (no assistant, union representative or case worker).</summary>
        Wheel,
        /// <summary>An arrangement's workplace mapping: as the wheel, and its assistants (it is their workplace); the API's 2026 mapping exists in arrangement 10 only.</summary>
        Mapping,
        /// <summary>Audits: arrangement 10's (the administrator, the East coordinator, its work leader) and the administration's (the administrator).</summary>
        Audit,
        /// <summary>A handbook document: everyone who works with the demo provider (not case workers, the former assistant or an auditor without a purpose).</summary>
        Handbook,
    }

    /// <summary>Who of those related to the object may read this route.</summary>
    private enum Audience
    {
        /// <summary>Everyone who may see the object.</summary>
        All,

        /// <summary>Everyone who may see the decision: not an assistant who only assists there.</summary>
        DecisionReaders,

        /// <summary>Municipality reports: the provider's administrator, the office's coordinator, the municipality's case worker.</summary>
        Reports,

        /// <summary>The invoice basis: the provider's administrator and the office's coordinator.</summary>
        Invoice,

        /// <summary>The work plan with everyone's shifts: those who lead, employ or audit; not assistants, not case workers.</summary>
        Planners,

        /// <summary>Ending an arrangement: the provider's administrator and the office's coordinator.</summary>
        Managers,

        /// <summary>Only the administrator and the coordinator of the assistant's own office (employment, assignments).</summary>
        AssistantManagers,

        /// <summary>The assistant managers and the assistant themself (contact details).</summary>
        AssistantSelf,

        /// <summary>The deputy's periods as work leader: those who lead, stand in or employ; not assistants, case workers or the union representative.</summary>
        Acting,

        /// <summary>Changing the plan («Finn vikar»): those who lead or employ; a deputy only while acting (the demo deputy is not).</summary>
        Editors,

        /// <summary>Hiring records: the assistant managers, the assistant themself, and those who lead where the assistant works now.</summary>
        Hiring,

        /// <summary>The access log: the recipient, those who lead for them (not a deputy who is not acting) and the provider's administrator.</summary>
        LogReaders,

        /// <summary>Taking the arrangement out to another provider: the provider's administrator only.</summary>
        Administrators,

        /// <summary>An assistant's erasure request: the provider's administrator only, not the office's coordinator.</summary>
        AssistantAdministrators,
    }

    private sealed record Route(string Method, string Pattern, Gate Gate, ObjectKind Object = ObjectKind.None, bool Api = false, Audience Audience = Audience.All);

    /// <summary>The expected matrix. Adding an endpoint without adding it here fails the test.</summary>
    private static readonly Route[] Expected =
    [
        new("*", "/health", Gate.Public),
        new("GET", "/_framework/opaque-redirect", Gate.Public),
        new("GET", "/{**path:file}", Gate.Public),
        new("HEAD", "/{**path:file}", Gate.Public),
        new("GET", "/openapi/{documentName}.json", Gate.Public),
        new("GET", "/logg-inn", Gate.Public),
        new("POST", "/logg-inn", Gate.Unsafe),
        new("GET", "/logg-inn/tofaktor", Gate.Public),
        new("POST", "/logg-inn/tofaktor", Gate.Unsafe),
        new("GET", "/ikke-funnet", Gate.Public),
        new("POST", "/ikke-funnet", Gate.Unsafe),
        new("GET", "/feil", Gate.Public),
        new("POST", "/feil", Gate.Unsafe),
        new("GET", "/uten-nett", Gate.Public),
        new("POST", "/uten-nett", Gate.Unsafe),
        new("POST", "/logg-ut", Gate.Unsafe),
        new("POST", "/sprak", Gate.Unsafe),
        new("GET", "/", Gate.SignedIn),
        new("POST", "/", Gate.Unsafe),
        new("GET", "/assistenter", Gate.SignedIn),
        new("POST", "/assistenter", Gate.Unsafe),
        new("GET", "/assistenter/ny", Gate.SignedIn),
        new("POST", "/assistenter/ny", Gate.Unsafe),
        new("GET", "/kommuner", Gate.SignedIn),
        new("POST", "/kommuner", Gate.Unsafe),
        new("GET", "/konto", Gate.SignedIn),
        new("POST", "/konto", Gate.Unsafe),
        new("GET", "/formaal", Gate.SignedIn),
        new("POST", "/formaal", Gate.Unsafe),
        new("GET", "/ordninger/{Id:guid}", Gate.Object, ObjectKind.Arrangement),
        new("POST", "/ordninger/{Id:guid}", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/assistenter/{Id:guid}", Gate.Object, ObjectKind.Assistant),
        new("POST", "/assistenter/{Id:guid}", Gate.Unsafe, ObjectKind.Assistant),
        new("GET", "/assistenter/{Id:guid}/arbeidsforhold/ny", Gate.Object, ObjectKind.Assistant, Audience: Audience.AssistantManagers),
        new("POST", "/assistenter/{Id:guid}/arbeidsforhold/ny", Gate.Unsafe, ObjectKind.Assistant),
        new("GET", "/assistenter/{Id:guid}/arbeidsforhold/{EmploymentId:guid}", Gate.Object, ObjectKind.Assistant, Audience: Audience.AssistantManagers),
        new("POST", "/assistenter/{Id:guid}/arbeidsforhold/{EmploymentId:guid}", Gate.Unsafe, ObjectKind.Assistant),
        new("GET", "/assistenter/{Id:guid}/kontakt", Gate.Object, ObjectKind.Assistant, Audience: Audience.AssistantSelf),
        new("POST", "/assistenter/{Id:guid}/kontakt", Gate.Unsafe, ObjectKind.Assistant),
        new("GET", "/brukere/logg", Gate.SignedIn),
        new("POST", "/brukere/logg", Gate.Unsafe),
        new("GET", "/assistenter/import", Gate.SignedIn),
        new("POST", "/assistenter/import", Gate.Unsafe),
        new("GET", "/assistenter/import/mal.csv", Gate.SignedIn),
        new("GET", "/ordninger/import", Gate.SignedIn),
        new("POST", "/ordninger/import", Gate.Unsafe),
        new("GET", "/ordninger/import/mal.csv", Gate.SignedIn),
        new("GET", "/kommuner/{Id:guid}", Gate.Object, ObjectKind.Municipality),
        new("POST", "/kommuner/{Id:guid}", Gate.Unsafe, ObjectKind.Municipality),
        new("GET", "/ordninger/{Id:guid}/timekonto", Gate.Object, ObjectKind.Arrangement, Audience: Audience.DecisionReaders),
        new("POST", "/ordninger/{Id:guid}/timekonto", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{Id:guid}/vedtak", Gate.Object, ObjectKind.Arrangement, Audience: Audience.DecisionReaders),
        new("GET", "/ordninger/{Id:guid}/innsynslogg", Gate.Object, ObjectKind.Arrangement, Audience: Audience.LogReaders),
        new("POST", "/ordninger/{Id:guid}/innsynslogg", Gate.Unsafe, ObjectKind.Arrangement),
        new("POST", "/ordninger/{Id:guid}/vedtak", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{Id:guid}/vedtak/ny", Gate.Object, ObjectKind.Arrangement, Audience: Audience.DecisionReaders),
        new("POST", "/ordninger/{Id:guid}/vedtak/ny", Gate.Unsafe, ObjectKind.Arrangement),
        new("POST", "/ordninger/{id:guid}/vedtak/{decisionId:guid}/dokument", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/timekontoer", Gate.SignedIn),
        new("POST", "/timekontoer", Gate.Unsafe),
        new("GET", "/kommuner/{Id:guid}/rapport", Gate.Object, ObjectKind.Municipality, Audience: Audience.Reports),
        new("POST", "/kommuner/{Id:guid}/rapport", Gate.Unsafe, ObjectKind.Municipality),
        new("GET", "/api/v1/arrangements/{id:guid}/decisions", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.DecisionReaders),
        new("POST", "/api/v1/arrangements/{id:guid}/decisions", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/api/v1/arrangements/{id:guid}/decisions/{decisionId:guid}/document", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.DecisionReaders),
        new("POST", "/api/v1/arrangements/{id:guid}/decisions/{decisionId:guid}/document", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/api/v1/arrangements/{id:guid}/hour-account", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.DecisionReaders),
        new("GET", "/api/v1/arrangements/{id:guid}/access-log", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.LogReaders),
        new("POST", "/api/v1/arrangements/{id:guid}/unused-hours", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/opening-balances", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/api/v1/hour-accounts", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/notifications", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/notifications/{id:guid}/read", Gate.Unsafe, Api: true),
        new("GET", "/fravaer", Gate.SignedIn),
        new("POST", "/fravaer", Gate.Unsafe),
        new("GET", "/api/v1/absences", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/absences", Gate.Unsafe, Api: true),
        new("PUT", "/api/v1/absences/{id:guid}/last-day", Gate.Unsafe, Api: true),
        new("PUT", "/api/v1/absences/care", Gate.Unsafe, Api: true),
        new("GET", "/assistenter/{Id:guid}/fravaer", Gate.Object, ObjectKind.Assistant, Audience: Audience.AssistantManagers),
        new("POST", "/assistenter/{Id:guid}/fravaer", Gate.Unsafe, ObjectKind.Assistant),
        new("GET", "/api/v1/assistants/{id:guid}/absences", Gate.Object, ObjectKind.Assistant, Audience: Audience.AssistantManagers, Api: true),
        new("POST", "/api/v1/absences/{id:guid}/cancel", Gate.Unsafe, Api: true),
        new("GET", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/ledig/{DeviationId:guid}", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Editors),
        new("POST", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/ledig/{DeviationId:guid}", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/deviations/{deviationId:guid}/candidates", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Editors, Api: true),
        new("GET", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/deviations/{deviationId:guid}/offers", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Editors, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/deviations/{deviationId:guid}/offers", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/shift-offers/{offerId:guid}/withdraw", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/ordninger/{Id:guid}/fravaer", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Editors),
        new("POST", "/ordninger/{Id:guid}/fravaer", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/api/v1/arrangements/{id:guid}/absences", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Editors, Api: true),
        new("GET", "/api/v1/vacancies", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/shift-offers", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/shift-offers/{id:guid}/accept", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/shift-offers/{id:guid}/decline", Gate.Unsafe, Api: true),
        new("GET", "/bytter", Gate.SignedIn),
        new("POST", "/bytter", Gate.Unsafe),
        new("GET", "/bytter/ny", Gate.SignedIn),
        new("POST", "/bytter/ny", Gate.Unsafe),
        new("GET", "/ordninger/{Id:guid}/bytter", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("POST", "/ordninger/{Id:guid}/bytter", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/api/v1/shift-swaps", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/shift-swaps", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/shift-swaps/{id:guid}/accept", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/shift-swaps/{id:guid}/decline", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/shift-swaps/{id:guid}/withdraw", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/arrangements/{id:guid}/shift-swaps", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/shift-swaps/{swapId:guid}/approve", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/shift-swaps/{swapId:guid}/reject", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("PUT", "/api/v1/arrangements/{id:guid}/swap-policy", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/ferie", Gate.SignedIn),
        new("POST", "/ferie", Gate.Unsafe),
        new("GET", "/ordninger/{Id:guid}/ferie", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Editors),
        new("POST", "/ordninger/{Id:guid}/ferie", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/feriepenger", Gate.SignedIn),
        new("POST", "/feriepenger", Gate.Unsafe),
        new("GET", "/api/v1/holidays", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/holidays", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/holidays/{id:guid}/withdraw", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/arrangements/{id:guid}/holidays", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Editors, Api: true),
        new("PUT", "/api/v1/arrangements/{id:guid}/holiday-round", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/holidays/{requestId:guid}/grant", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/holidays/{requestId:guid}/refuse", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/holidays/{requestId:guid}/revoke", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/api/v1/assistants/{id:guid}/holidays", Gate.Object, ObjectKind.Assistant, Audience: Audience.AssistantSelf, Api: true),
        new("PUT", "/api/v1/assistants/{id:guid}/holiday-carry-over", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("PUT", "/api/v1/assistants/{id:guid}/substitute-pool", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("GET", "/konto/mine-opplysninger.zip", Gate.SignedIn),
        new("GET", "/api/v1/me/personal-data", Gate.SignedIn, Api: true),
        new("GET", "/assistenter/{id:guid}/innsyn.zip", Gate.Object, ObjectKind.Assistant, Audience: Audience.AssistantManagers),
        new("GET", "/api/v1/assistants/{id:guid}/personal-data", Gate.Object, ObjectKind.Assistant, Api: true, Audience: Audience.AssistantManagers),
        new("GET", "/organisasjon/overta-ordning", Gate.SignedIn),
        new("POST", "/organisasjon/overta-ordning", Gate.Unsafe),
        new("GET", "/api/v1/arrangement-bundles", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/arrangement-bundles", Gate.Unsafe, Api: true),
        new("GET", "/ordninger/{Id:guid}/flytt", Gate.Object, ObjectKind.Arrangement),
        new("POST", "/ordninger/{Id:guid}/flytt", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{id:guid}/ordningspakke.zip", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Administrators),
        new("GET", "/api/v1/arrangements/{id:guid}/bundle", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Administrators),
        new("GET", "/organisasjon/oppbevaring", Gate.SignedIn),
        new("POST", "/organisasjon/oppbevaring", Gate.Unsafe),
        new("GET", "/api/v1/retention", Gate.SignedIn, Api: true),
        new("GET", "/assistenter/{Id:guid}/sletting", Gate.Object, ObjectKind.Assistant, Audience: Audience.AssistantAdministrators),
        new("POST", "/assistenter/{Id:guid}/sletting", Gate.Unsafe, ObjectKind.Assistant),
        new("GET", "/api/v1/assistants/{id:guid}/erasure", Gate.Object, ObjectKind.Assistant, Api: true, Audience: Audience.AssistantAdministrators),
        new("POST", "/api/v1/assistants/{id:guid}/erasure", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("GET", "/api/v1/erasure-requests", Gate.SignedIn, Api: true),
        new("GET", "/ordninger/{Id:guid}/sletting", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Administrators),
        new("POST", "/ordninger/{Id:guid}/sletting", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/api/v1/arrangements/{id:guid}/recipient-erasure", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Administrators),
        new("POST", "/api/v1/arrangements/{id:guid}/recipient-erasure", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/brukere/{Id:guid}/sletting", Gate.Object, ObjectKind.Account),
        new("POST", "/brukere/{Id:guid}/sletting", Gate.Unsafe, ObjectKind.Account),
        new("GET", "/api/v1/users/{id:guid}/erasure", Gate.Object, ObjectKind.Account, Api: true),
        new("POST", "/api/v1/users/{id:guid}/erasure", Gate.Unsafe, ObjectKind.Account, Api: true),
        new("GET", "/organisasjon/kompetanser", Gate.SignedIn),
        new("POST", "/organisasjon/kompetanser", Gate.Unsafe),
        // Agreements: who reads which one is decided per agreement (provider roles, or a work leader's arrangement), tested in AgreementTests.
        new("GET", "/organisasjon/avtaler", Gate.SignedIn),
        new("POST", "/organisasjon/avtaler", Gate.Unsafe),
        new("GET", "/organisasjon/avtaler/{Id:guid}", Gate.Object, ObjectKind.Agreement),
        new("POST", "/organisasjon/avtaler/{Id:guid}", Gate.Unsafe, ObjectKind.Agreement),
        new("GET", "/api/v1/agreements", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/agreements", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/agreements/{id:guid}", Gate.Object, ObjectKind.Agreement, Api: true),
        new("PUT", "/api/v1/agreements/{id:guid}", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/agreements/{id:guid}/end", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/agreements/{id:guid}/document", Gate.Object, ObjectKind.Agreement, Api: true),
        new("POST", "/api/v1/agreements/{id:guid}/document", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/competence-kinds", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/competence-kinds", Gate.Unsafe, Api: true),
        new("PUT", "/api/v1/competence-kinds/{id:guid}", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/competence-kinds/{id:guid}/retire", Gate.Unsafe, Api: true),
        new("GET", "/assistenter/{Id:guid}/ansettelse", Gate.Object, ObjectKind.Assistant, Audience: Audience.Hiring),
        new("POST", "/assistenter/{Id:guid}/ansettelse", Gate.Unsafe, ObjectKind.Assistant),
        new("GET", "/assistenter/{Id:guid}/arbeidsavtaler/{ContractId:guid}", Gate.Object, ObjectKind.Contract),
        new("POST", "/assistenter/{Id:guid}/arbeidsavtaler/{ContractId:guid}", Gate.Unsafe, ObjectKind.Contract),
        new("GET", "/ordninger/{Id:guid}/rekruttering", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Editors),
        new("POST", "/ordninger/{Id:guid}/rekruttering", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{Id:guid}/rekruttering/{PostingId:guid}", Gate.Object, ObjectKind.Posting),
        new("POST", "/ordninger/{Id:guid}/rekruttering/{PostingId:guid}", Gate.Unsafe, ObjectKind.Posting),
        new("GET", "/ordninger/{Id:guid}/rekruttering/{PostingId:guid}/sokere/{ApplicantId:guid}", Gate.Object, ObjectKind.Posting),
        new("POST", "/ordninger/{Id:guid}/rekruttering/{PostingId:guid}/sokere/{ApplicantId:guid}", Gate.Unsafe, ObjectKind.Posting),
        new("GET", "/ordninger/{Id:guid}/samtaler", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Editors),
        new("POST", "/ordninger/{Id:guid}/samtaler", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/samtaler/{Id:guid}", Gate.Object, ObjectKind.Talk),
        new("POST", "/samtaler/{Id:guid}", Gate.Unsafe, ObjectKind.Talk),
        new("GET", "/henvendelser", Gate.SignedIn),
        new("POST", "/henvendelser", Gate.Unsafe),
        new("GET", "/api/v1/arrangements/{id:guid}/talks", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Editors),
        new("POST", "/api/v1/arrangements/{id:guid}/talks", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/api/v1/talks/mine", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/talks/{talkId:guid}", Gate.Object, ObjectKind.Talk, Api: true),
        new("PUT", "/api/v1/talks/{talkId:guid}", Gate.Unsafe, ObjectKind.Talk, Api: true),
        new("POST", "/api/v1/talks/{talkId:guid}/cancel", Gate.Unsafe, ObjectKind.Talk, Api: true),
        new("PUT", "/api/v1/talks/{talkId:guid}/preparation", Gate.Unsafe, ObjectKind.Talk, Api: true),
        new("PUT", "/api/v1/talks/{talkId:guid}/minutes", Gate.Unsafe, ObjectKind.Talk, Api: true),
        new("POST", "/api/v1/talks/{talkId:guid}/accept", Gate.Unsafe, ObjectKind.Talk, Api: true),
        new("GET", "/ordninger/{Id:guid}/opplaering", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Editors),
        new("POST", "/ordninger/{Id:guid}/opplaering", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/api/v1/arrangements/{id:guid}/training", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Editors),
        new("POST", "/api/v1/arrangements/{id:guid}/training", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/training/draft", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/api/v1/training/mine", Gate.SignedIn, Api: true),
        new("PUT", "/api/v1/training/{itemId:guid}", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/training/{itemId:guid}/done", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/training/{itemId:guid}/cancel", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/employer-requests", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/employer-requests", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/employer-requests/{requestId:guid}/answer", Gate.Unsafe, Api: true),
        new("GET", "/avvik", Gate.SignedIn),
        new("POST", "/avvik", Gate.Unsafe),
        new("GET", "/avvik/ny", Gate.SignedIn),
        new("POST", "/avvik/ny", Gate.Unsafe),
        new("GET", "/avvik/{Id:guid}", Gate.Object, ObjectKind.Incident),
        new("POST", "/avvik/{Id:guid}", Gate.Unsafe, ObjectKind.Incident),
        new("GET", "/api/v1/incidents", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/incidents/places", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/incidents/statistics", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/incidents", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/incidents/{incidentId:guid}", Gate.Object, ObjectKind.Incident, Api: true),
        new("PUT", "/api/v1/incidents/{incidentId:guid}/follow-up", Gate.Unsafe, ObjectKind.Incident, Api: true),
        new("POST", "/api/v1/incidents/{incidentId:guid}/measures", Gate.Unsafe, ObjectKind.Incident, Api: true),
        new("POST", "/api/v1/incidents/{incidentId:guid}/measures/{measureId:guid}/done", Gate.Unsafe, ObjectKind.Incident, Api: true),
        new("POST", "/api/v1/incidents/{incidentId:guid}/escalate", Gate.Unsafe, ObjectKind.Incident, Api: true),
        new("POST", "/api/v1/incidents/{incidentId:guid}/notices", Gate.Unsafe, ObjectKind.Incident, Api: true),
        new("POST", "/api/v1/incidents/{incidentId:guid}/close", Gate.Unsafe, ObjectKind.Incident, Api: true),
        new("GET", "/ros", Gate.SignedIn),
        new("POST", "/ros", Gate.Unsafe),
        new("GET", "/ros/{Id:guid}", Gate.Object, ObjectKind.Risk),
        new("POST", "/ros/{Id:guid}", Gate.Unsafe, ObjectKind.Risk),
        new("GET", "/api/v1/risk-analyses", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/risk-analyses/targets", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/risk-analyses", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/risk-analyses/{analysisId:guid}", Gate.Object, ObjectKind.Risk, Api: true),
        new("POST", "/api/v1/risk-analyses/{analysisId:guid}/hazards", Gate.Unsafe, ObjectKind.Risk, Api: true),
        new("PUT", "/api/v1/risk-analyses/{analysisId:guid}/hazards/{hazardId:guid}", Gate.Unsafe, ObjectKind.Risk, Api: true),
        new("DELETE", "/api/v1/risk-analyses/{analysisId:guid}/hazards/{hazardId:guid}", Gate.Unsafe, ObjectKind.Risk, Api: true),
        new("PUT", "/api/v1/risk-analyses/{analysisId:guid}/review", Gate.Unsafe, ObjectKind.Risk, Api: true),
        new("POST", "/api/v1/risk-analyses/{analysisId:guid}/approve", Gate.Unsafe, ObjectKind.Risk, Api: true),
        new("GET", "/undersokelser", Gate.SignedIn),
        new("POST", "/undersokelser", Gate.Unsafe),
        new("GET", "/undersokelser/{Id:guid}", Gate.Object, ObjectKind.SurveyResults),
        new("POST", "/undersokelser/{Id:guid}", Gate.Unsafe, ObjectKind.SurveyResults),
        new("GET", "/undersokelser/{Id:guid}/svar", Gate.Object, ObjectKind.SurveyAnswer),
        new("POST", "/undersokelser/{Id:guid}/svar", Gate.Unsafe, ObjectKind.SurveyAnswer),
        new("GET", "/api/v1/surveys", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/surveys", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/surveys/{surveyId:guid}/send", Gate.Unsafe, ObjectKind.SurveyResults, Api: true),
        new("GET", "/api/v1/surveys/{surveyId:guid}", Gate.Object, ObjectKind.SurveyAnswer, Api: true),
        new("POST", "/api/v1/surveys/{surveyId:guid}/answers", Gate.Unsafe, ObjectKind.SurveyAnswer, Api: true),
        new("GET", "/api/v1/surveys/{surveyId:guid}/results", Gate.Object, ObjectKind.SurveyResults, Api: true),
        new("GET", "/apenhet", Gate.Object, ObjectKind.Transparency),
        new("POST", "/apenhet", Gate.Unsafe, ObjectKind.Transparency),
        new("GET", "/apenhet/redegjorelse/{Year:int}", Gate.Object, ObjectKind.Transparency),
        new("POST", "/apenhet/redegjorelse/{Year:int}", Gate.Unsafe, ObjectKind.Transparency),
        new("GET", "/api/v1/transparency", Gate.Object, ObjectKind.Transparency, Api: true),
        new("POST", "/api/v1/transparency/suppliers", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/transparency/suppliers/{supplierId:guid}/assessments", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/transparency/suppliers/{supplierId:guid}/end", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/transparency/requests", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/transparency/requests/{requestId:guid}/answer", Gate.Unsafe, Api: true),
        new("GET", "/hms", Gate.SignedIn),
        new("POST", "/hms", Gate.Unsafe),
        new("GET", "/arshjul", Gate.SignedIn),
        new("POST", "/arshjul", Gate.Unsafe),
        new("GET", "/ordninger/{Id:guid}/arshjul", Gate.Object, ObjectKind.Wheel),
        new("POST", "/ordninger/{Id:guid}/arshjul", Gate.Unsafe, ObjectKind.Wheel),
        new("GET", "/api/v1/annual-wheel", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/arrangements/{arrangementId:guid}/annual-wheel", Gate.Object, ObjectKind.Wheel, Api: true),
        new("POST", "/api/v1/arrangements/{arrangementId:guid}/annual-wheel/generate", Gate.Unsafe, ObjectKind.Wheel, Api: true),
        new("POST", "/api/v1/arrangements/{arrangementId:guid}/annual-wheel/tasks", Gate.Unsafe, ObjectKind.Wheel, Api: true),
        new("POST", "/api/v1/arrangements/{arrangementId:guid}/annual-wheel/tasks/{taskId:guid}/done", Gate.Unsafe, ObjectKind.Wheel, Api: true),
        new("DELETE", "/api/v1/arrangements/{arrangementId:guid}/annual-wheel/tasks/{taskId:guid}/done", Gate.Unsafe, ObjectKind.Wheel, Api: true),
        new("DELETE", "/api/v1/arrangements/{arrangementId:guid}/annual-wheel/tasks/{taskId:guid}", Gate.Unsafe, ObjectKind.Wheel, Api: true),
        new("GET", "/ordninger/{Id:guid}/kartlegging", Gate.Object, ObjectKind.Mapping),
        new("POST", "/ordninger/{Id:guid}/kartlegging", Gate.Unsafe, ObjectKind.Mapping),
        new("GET", "/api/v1/arrangements/{arrangementId:guid}/workplace-mappings/{year:int}", Gate.Object, ObjectKind.Mapping, Api: true),
        new("POST", "/api/v1/arrangements/{arrangementId:guid}/workplace-mappings", Gate.Unsafe, ObjectKind.Mapping, Api: true),
        new("PUT", "/api/v1/workplace-mappings/{mappingId:guid}/items/{itemId:guid}", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/workplace-mappings/{mappingId:guid}/items/{itemId:guid}/done", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/workplace-mappings/{mappingId:guid}/sign", Gate.Unsafe, Api: true),
        new("GET", "/internkontroll", Gate.SignedIn),
        new("POST", "/internkontroll", Gate.Unsafe),
        new("GET", "/internkontroll/{Id:guid}", Gate.Object, ObjectKind.Audit),
        new("POST", "/internkontroll/{Id:guid}", Gate.Unsafe, ObjectKind.Audit),
        new("GET", "/api/v1/audits", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/audits/targets", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/audits", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/audits/{auditId:guid}", Gate.Object, ObjectKind.Audit, Api: true),
        new("PUT", "/api/v1/audits/{auditId:guid}", Gate.Unsafe, ObjectKind.Audit, Api: true),
        new("POST", "/api/v1/audits/{auditId:guid}/conducted", Gate.Unsafe, ObjectKind.Audit, Api: true),
        new("POST", "/api/v1/audits/{auditId:guid}/findings", Gate.Unsafe, ObjectKind.Audit, Api: true),
        new("POST", "/api/v1/audits/{auditId:guid}/findings/{findingId:guid}/measures", Gate.Unsafe, ObjectKind.Audit, Api: true),
        new("POST", "/api/v1/audits/{auditId:guid}/findings/{findingId:guid}/measures/{measureId:guid}/done", Gate.Unsafe, ObjectKind.Audit, Api: true),
        new("POST", "/api/v1/audits/{auditId:guid}/close", Gate.Unsafe, ObjectKind.Audit, Api: true),
        new("GET", "/hms/handbok", Gate.SignedIn),
        new("POST", "/hms/handbok", Gate.Unsafe),
        new("GET", "/hms/handbok/{Id:guid}", Gate.Object, ObjectKind.Handbook),
        new("POST", "/hms/handbok/{Id:guid}", Gate.Unsafe, ObjectKind.Handbook),
        new("GET", "/api/v1/hms/handbook", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/hms/handbook", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/hms/handbook/{documentId:guid}", Gate.Object, ObjectKind.Handbook, Api: true),
        new("POST", "/api/v1/hms/handbook/{documentId:guid}/versions", Gate.Unsafe, ObjectKind.Handbook, Api: true),
        new("POST", "/api/v1/hms/handbook/{documentId:guid}/withdraw", Gate.Unsafe, ObjectKind.Handbook, Api: true),
        new("POST", "/api/v1/hms/handbook/{documentId:guid}/read", Gate.Unsafe, ObjectKind.Handbook, Api: true),
        new("GET", "/hms/handlingsplan", Gate.SignedIn),
        new("POST", "/hms/handlingsplan", Gate.Unsafe),
        new("GET", "/api/v1/hms/action-plan", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/hms/action-plan/measures", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/hms/action-plan/measures/{measureId:guid}/done", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/transparency/statements/{year:int}", Gate.Object, ObjectKind.Transparency, Api: true),
        new("GET", "/api/v1/transparency/statements/{year:int}/pdf", Gate.Object, ObjectKind.Transparency, Api: true),
        new("PUT", "/api/v1/transparency/statements/{year:int}", Gate.Unsafe, ObjectKind.Transparency, Api: true),
        new("POST", "/api/v1/transparency/statements/{year:int}/approve", Gate.Unsafe, ObjectKind.Transparency, Api: true),
        new("GET", "/api/v1/arrangements/{id:guid}/recruitments", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Editors),
        new("POST", "/api/v1/arrangements/{id:guid}/recruitments", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/api/v1/arrangements/{id:guid}/recruitments/{postingId:guid}", Gate.Object, ObjectKind.Posting, Api: true),
        new("PUT", "/api/v1/arrangements/{id:guid}/recruitments/{postingId:guid}", Gate.Unsafe, ObjectKind.Posting, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/recruitments/{postingId:guid}/close", Gate.Unsafe, ObjectKind.Posting, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/recruitments/{postingId:guid}/applicants", Gate.Unsafe, ObjectKind.Posting, Api: true),
        new("PUT", "/api/v1/arrangements/{id:guid}/recruitments/{postingId:guid}/applicants/{applicantId:guid}/interview", Gate.Unsafe, ObjectKind.Posting, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/recruitments/{postingId:guid}/applicants/{applicantId:guid}/references", Gate.Unsafe, ObjectKind.Posting, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/recruitments/{postingId:guid}/applicants/{applicantId:guid}/choose", Gate.Unsafe, ObjectKind.Posting, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/recruitments/{postingId:guid}/applicants/{applicantId:guid}/unchoose", Gate.Unsafe, ObjectKind.Posting, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/recruitments/{postingId:guid}/applicants/{applicantId:guid}/reject", Gate.Unsafe, ObjectKind.Posting, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/recruitments/{postingId:guid}/applicants/{applicantId:guid}/hire", Gate.Unsafe, ObjectKind.Posting, Api: true),
        new("GET", "/mine-dokumenter", Gate.SignedIn),
        new("POST", "/mine-dokumenter", Gate.Unsafe),
        new("GET", "/api/v1/assistants/{id:guid}/hiring", Gate.Object, ObjectKind.Assistant, Api: true, Audience: Audience.Hiring),
        new("PUT", "/api/v1/assistants/{id:guid}/employments/{employmentId:guid}/police-certificate", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/confidentiality-declaration", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/contracts", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("GET", "/api/v1/assistants/{id:guid}/contracts/{contractId:guid}", Gate.Object, ObjectKind.Contract, Api: true),
        new("PUT", "/api/v1/assistants/{id:guid}/contracts/{contractId:guid}", Gate.Unsafe, ObjectKind.Contract, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/contracts/{contractId:guid}/sign-as-employer", Gate.Unsafe, ObjectKind.Contract, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/contracts/{contractId:guid}/sign-as-employee", Gate.Unsafe, ObjectKind.Contract, Api: true),
        new("GET", "/api/v1/assistants/{id:guid}/contracts/{contractId:guid}/pdf", Gate.Object, ObjectKind.Contract, Api: true),
        new("PUT", "/api/v1/assistants/{id:guid}/places/{assignmentId:guid}/relation", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/employments/{employmentId:guid}/reference-letters", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("GET", "/api/v1/assistants/{id:guid}/reference-letters/{letterId:guid}/pdf", Gate.Object, ObjectKind.Contract, Api: true),
        new("GET", "/api/v1/assistants/{id:guid}/competences", Gate.Object, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/competences", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/competences/{competenceId:guid}/revoke", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("GET", "/api/v1/providers/{id:guid}/holiday-pay", Gate.Object, ObjectKind.Provider, Api: true),
        new("GET", "/varsler", Gate.SignedIn),
        new("POST", "/varsler", Gate.Unsafe),
        new("GET", "/ordninger/ny", Gate.SignedIn),
        new("POST", "/ordninger/ny", Gate.Unsafe),
        new("GET", "/ordninger/{Id:guid}/avslutt", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Managers),
        new("POST", "/ordninger/{Id:guid}/avslutt", Gate.Unsafe, ObjectKind.Arrangement),
        new("POST", "/api/v1/arrangements", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/end", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/ordninger/{Id:guid}/endre", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Managers),
        new("POST", "/ordninger/{Id:guid}/endre", Gate.Unsafe, ObjectKind.Arrangement),
        new("PUT", "/api/v1/arrangements/{id:guid}", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/brukere", Gate.SignedIn),
        new("POST", "/brukere", Gate.Unsafe),
        new("GET", "/brukere/inviter", Gate.SignedIn),
        new("POST", "/brukere/inviter", Gate.Unsafe),
        new("GET", "/api/v1/users", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/role-changes", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/invitations", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/users/{id:guid}/revoke", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/users/{id:guid}/disable", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/users/{id:guid}/enable", Gate.Unsafe, Api: true),
        new("GET", "/organisasjon", Gate.SignedIn),
        new("POST", "/organisasjon", Gate.Unsafe),
        new("GET", "/organisasjon/kontorer/ny", Gate.SignedIn),
        new("POST", "/organisasjon/kontorer/ny", Gate.Unsafe),
        new("GET", "/organisasjon/kontorer/{Id:guid}", Gate.Object, ObjectKind.Office),
        new("POST", "/organisasjon/kontorer/{Id:guid}", Gate.Unsafe, ObjectKind.Office),
        new("GET", "/organisasjon/kommuner/ny", Gate.SignedIn),
        new("POST", "/organisasjon/kommuner/ny", Gate.Unsafe),
        new("GET", "/organisasjon/avtaler/ny", Gate.SignedIn),
        new("POST", "/organisasjon/avtaler/ny", Gate.Unsafe),
        new("GET", "/api/v1/provider-settings", Gate.SignedIn, Api: true),
        new("PUT", "/api/v1/provider-settings", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/offices", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/offices", Gate.Unsafe, Api: true),
        new("PUT", "/api/v1/offices/{id:guid}", Gate.Unsafe, ObjectKind.Office, Api: true),
        new("GET", "/api/v1/contracts", Gate.SignedIn, Api: true),
        new("POST", "/api/v1/municipalities", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/municipalities/{id:guid}/contracts", Gate.Unsafe, ObjectKind.Municipality, Api: true),
        new("GET", "/passord", Gate.Public),
        new("POST", "/passord", Gate.Unsafe),
        new("GET", "/glemt-passord", Gate.Public),
        new("POST", "/glemt-passord", Gate.Unsafe),
        new("GET", "/api/v1/municipalities/{id:guid}/reports/{month}", Gate.Object, ObjectKind.Municipality, Api: true, Audience: Audience.Reports),
        new("GET", "/api/v1/municipalities/{id:guid}/invoice-basis/{month}", Gate.Object, ObjectKind.Municipality, Api: true, Audience: Audience.Invoice),
        new("GET", "/api/v1/municipalities/{id:guid}/resource-intensive/{year:int}", Gate.Object, ObjectKind.Municipality, Api: true, Audience: Audience.Reports),
        new("GET", "/api/v1/me", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/antiforgery", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/arrangements", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/arrangements/{id:guid}", Gate.Object, ObjectKind.Arrangement, Api: true),
        new("GET", "/api/v1/assistants", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/assistants/{id:guid}", Gate.Object, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/employments", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("PUT", "/api/v1/assistants/{id:guid}/employments/{employmentId:guid}", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/employments/{employmentId:guid}/end", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/assignments", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/assignments/{assignmentId:guid}/end", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("PUT", "/api/v1/assistants/{id:guid}/contact", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/other-employers", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/other-employers/{declarationId:guid}/confirm", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/other-employers/{declarationId:guid}/end", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistants/{id:guid}/login", Gate.Unsafe, ObjectKind.Assistant, Api: true),
        new("POST", "/api/v1/assistant-imports", Gate.Unsafe, Api: true),
        new("POST", "/api/v1/arrangement-imports", Gate.Unsafe, Api: true),
        new("GET", "/api/v1/municipalities", Gate.SignedIn, Api: true),
        new("GET", "/api/v1/municipalities/{id:guid}/arrangements", Gate.Object, ObjectKind.Municipality, Api: true),
        new("GET", "/ordninger/{Id:guid}/arbeidsplan", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("POST", "/ordninger/{Id:guid}/arbeidsplan", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("POST", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/aar", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("POST", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/aar", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/maaned", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("POST", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/maaned", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/unntak", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("POST", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/unntak", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/endringer", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("POST", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/endringer", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/vedlegg1", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("POST", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/vedlegg1", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/dekning", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("POST", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/dekning", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/forslag", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("POST", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/forslag", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{Id:guid}/vakttyper", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("GET", "/api/v1/arrangements/{id:guid}/templates", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/templates", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("PUT", "/api/v1/arrangements/{id:guid}/templates/{templateId:guid}", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("DELETE", "/api/v1/arrangements/{id:guid}/templates/{templateId:guid}", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/api/v1/arrangements/{id:guid}/required-competences", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners, Api: true),
        new("PUT", "/api/v1/arrangements/{id:guid}/required-competences", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/ordninger/{Id:guid}/vakttyper", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/ordninger/{id:guid}/arbeidsplan/{planId:guid}/vedlegg1.pdf", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("GET", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/appendix-1.pdf", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Planners),
        new("GET", "/kalender/{secret}.ics", Gate.Public),
        new("GET", "/min-plan", Gate.SignedIn),
        new("GET", "/timelister", Gate.SignedIn),
        new("POST", "/timelister", Gate.Unsafe),
        new("GET", "/timelister/{SheetId:guid}", Gate.Object, ObjectKind.TimeSheet),
        new("POST", "/timelister/{SheetId:guid}", Gate.Unsafe, ObjectKind.TimeSheet),
        new("GET", "/timelister/{SheetId:guid}/registrering/{EntryId:guid}", Gate.Object, ObjectKind.TimeSheet),
        new("POST", "/timelister/{SheetId:guid}/registrering/{EntryId:guid}", Gate.Unsafe, ObjectKind.TimeSheet),
        new("GET", "/timelister/{SheetId:guid}/ny", Gate.Object, ObjectKind.TimeSheet),
        new("POST", "/timelister/{SheetId:guid}/ny", Gate.Unsafe, ObjectKind.TimeSheet),
        new("GET", "/timelister/{SheetId:guid}/vedlegg-2", Gate.Object, ObjectKind.TimeSheet),
        new("POST", "/timelister/{SheetId:guid}/vedlegg-2", Gate.Unsafe, ObjectKind.TimeSheet),
        new("GET", "/timelister/{id:guid}/vedlegg-2.pdf", Gate.Object, ObjectKind.TimeSheet),
        new("GET", "/api/v1/timesheets/{id:guid}/appendix-2.pdf", Gate.Object, ObjectKind.TimeSheet, Api: true),
        new("GET", "/lonn", Gate.SignedIn),
        new("POST", "/lonn", Gate.Unsafe),
        new("GET", "/lonn/eksport/{id:guid}/fil", Gate.Object, ObjectKind.Export),
        new("GET", "/api/v1/payroll-exports/{id:guid}/file", Gate.Object, ObjectKind.Export, Api: true),
        new("GET", "/arbeidstid/{AssistantId:guid}", Gate.Object, ObjectKind.WorkingTime),
        new("POST", "/arbeidstid/{AssistantId:guid}", Gate.Unsafe, ObjectKind.WorkingTime),
        new("GET", "/arbeidstid/{id:guid}.csv", Gate.Object, ObjectKind.WorkingTime),
        new("GET", "/api/v1/assistants/{id:guid}/working-time.csv", Gate.Object, ObjectKind.WorkingTime, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/timesheets", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/api/v1/timesheets/{id:guid}", Gate.Object, ObjectKind.TimeSheet, Api: true),
        new("POST", "/api/v1/timesheets/{id:guid}/entries", Gate.Unsafe, ObjectKind.TimeSheet, Api: true),
        new("PUT", "/api/v1/timesheets/{id:guid}/entries/{entryId:guid}", Gate.Unsafe, ObjectKind.TimeSheet, Api: true),
        new("POST", "/api/v1/timesheets/{id:guid}/entries/{entryId:guid}/confirm", Gate.Unsafe, ObjectKind.TimeSheet, Api: true),
        new("POST", "/api/v1/timesheets/{id:guid}/entries/{entryId:guid}/not-worked", Gate.Unsafe, ObjectKind.TimeSheet, Api: true),
        new("POST", "/api/v1/timesheets/{id:guid}/submit", Gate.Unsafe, ObjectKind.TimeSheet, Api: true),
        new("POST", "/api/v1/timesheets/{id:guid}/approve", Gate.Unsafe, ObjectKind.TimeSheet, Api: true),
        new("POST", "/api/v1/timesheets/{id:guid}/reject", Gate.Unsafe, ObjectKind.TimeSheet, Api: true),
        new("POST", "/api/v1/timesheets/{id:guid}/attest", Gate.Unsafe, ObjectKind.TimeSheet, Api: true),
        new("POST", "/api/v1/providers/{id:guid}/payroll-exports", Gate.Unsafe, ObjectKind.TimeSheet, Api: true),
        new("POST", "/min-plan", Gate.Unsafe),
        new("GET", "/api/v1/arrangements/{id:guid}/plans", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Planners),
        new("POST", "/api/v1/arrangements/{id:guid}/plans", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Planners),
        new("GET", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/findings", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Planners),
        new("GET", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/proposal", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Editors),
        new("POST", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/proposal", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/proposal/stop", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/proposal/accept", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/check-input", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Planners),
        new("POST", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/shifts", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("PUT", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/shifts/{shiftId:guid}", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("DELETE", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/shifts/{shiftId:guid}", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/deviations", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/overrides", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/deviations/{deviationId:guid}/fill", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/publish", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/drofting", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Planners),
        new("POST", "/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/drofting", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/discussions", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Planners),
        new("POST", "/api/v1/arrangements/{id:guid}/plans/{planId:guid}/discussions", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("GET", "/ordninger/{Id:guid}/stedfortreder", Gate.Object, ObjectKind.Arrangement, Audience: Audience.Acting),
        new("POST", "/ordninger/{Id:guid}/stedfortreder", Gate.Unsafe, ObjectKind.Arrangement),
        new("GET", "/api/v1/arrangements/{id:guid}/acting-periods", Gate.Object, ObjectKind.Arrangement, Api: true, Audience: Audience.Acting),
        new("POST", "/api/v1/arrangements/{id:guid}/acting-periods", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
        new("POST", "/api/v1/arrangements/{id:guid}/acting-periods/{periodId:guid}/end", Gate.Unsafe, ObjectKind.Arrangement, Api: true),
    ];

    private static Guid Arrangement(int no) => DemoIds.For($"arrangement:{no}");

    private static Guid Assistant(int index) => DemoIds.For($"assistant:{index}");

    private static Guid Municipality(string number) => DemoIds.For($"municipality:{number}");

    private static readonly Guid Former = DemoIds.For("assistant:former");

    /// <summary>The assistants each manager manages: the demo puts every third assistant (index % 3 == 2) in Vest, the rest in Øst.</summary>
    private static readonly Dictionary<string, Guid[]> Managed = new()
    {
        [DemoLogins.ProviderAdmin] = [Assistant(42), Assistant(15), Assistant(20), Assistant(2), Assistant(12), Former],
        [DemoLogins.CoordinatorEast] = [Assistant(42), Assistant(15), Assistant(12), Former],
        [DemoLogins.CoordinatorWest] = [Assistant(20), Assistant(2)],
    };

    /// <summary>The assistant record each assistant's login is linked to.</summary>
    private static readonly Dictionary<string, Guid[]> Self = new()
    {
        [DemoLogins.Assistant] = [Assistant(42)],
        [DemoLogins.FormerAssistant] = [Former],
    };

    /// <summary>The assistants placed now in an arrangement each leader leads (the demo deputy is not acting, so leads nothing).</summary>
    private static readonly Dictionary<string, Guid[]> Leading = new()
    {
        [DemoLogins.WorkLeader] = [Assistant(42)],
        [DemoLogins.CoWorkLeader] = [Assistant(12)],
    };

    /// <summary>The demo's employment of an assistant (each has one), for the routes of one employment.</summary>
    private static Guid EmploymentOf(Guid assistant)
        => assistant == Former ? DemoIds.For("employment:former")
            : Enumerable.Range(0, 60).Where(i => Assistant(i) == assistant).Select(i => DemoIds.For($"employment:{i}")).DefaultIfEmpty(Guid.NewGuid()).First();

    /// <summary>
    /// The oracle: who may see what, written out by hand from the demo data's design (offices,
    /// municipalities, roles, assignments), independent of the access code it checks.
    /// </summary>
    private static readonly Dictionary<string, (int[] Arrangements, Guid[] Assistants)> Visible = new()
    {
        [DemoLogins.ProviderAdmin] = ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [Assistant(42), Assistant(15), Assistant(20), Assistant(2), Assistant(12), Former]),
        [DemoLogins.CoordinatorEast] = ([1, 2, 3, 4, 5, 8, 10], [Assistant(42), Assistant(15), Assistant(2), Assistant(12), Former]),
        [DemoLogins.CoordinatorWest] = ([6, 7, 9], [Assistant(15), Assistant(20), Assistant(2)]),
        [DemoLogins.WorkLeader] = ([10], [Assistant(42)]),
        [DemoLogins.CoWorkLeader] = ([5], [Assistant(12)]),
        [DemoLogins.Deputy] = ([5], [Assistant(12)]),
        [DemoLogins.Assistant] = ([8, 10], [Assistant(42)]),
        [DemoLogins.FormerAssistant] = ([], [Former]),
        [DemoLogins.CaseWorkerOslo] = ([1, 2, 3, 8, 10], []),
        [DemoLogins.CaseWorkerBaerum] = ([4, 5], []),
        [DemoLogins.CaseWorkerBergen] = ([6, 7, 9], []),
        [DemoLogins.Auditor] = ([], []),
        // The provider employs in every arrangement but 3 (the recipient employs) and 7 (the municipality employs).
        [DemoLogins.UnionRepresentative] = ([1, 2, 4, 5, 6, 8, 9, 10], [Assistant(42), Assistant(15), Assistant(20), Assistant(2), Assistant(12), Former]),
        [ForeignProvider.AdminEmail] = ([], []),
    };

    /// <summary>The municipalities each principal may report on (the invoice basis: the same without the case workers).</summary>
    private static readonly Dictionary<string, string[]> Reporting = new()
    {
        [DemoLogins.ProviderAdmin] = ["0301", "3201", "4601"],
        [DemoLogins.CoordinatorEast] = ["0301", "3201"],
        [DemoLogins.CoordinatorWest] = ["4601"],
        [DemoLogins.CaseWorkerOslo] = ["0301"],
        [DemoLogins.CaseWorkerBaerum] = ["3201"],
        [DemoLogins.CaseWorkerBergen] = ["4601"],
    };

    private static readonly Dictionary<int, string> MunicipalityOf = new()
    {
        [1] = "0301", [2] = "0301", [3] = "0301", [4] = "3201", [5] = "3201", [6] = "4601", [7] = "4601", [8] = "0301", [9] = "4601", [10] = "0301",
    };

    [Theory, DatabaseData]
    public void RouteTable_EveryEndpoint_IsInTheExpectedMatrix(DatabaseKind db)
    {
        var discovered = Discover(hosts.For(db));
        var expected = Expected.Select(r => $"{r.Method} {r.Pattern}").ToHashSet(StringComparer.Ordinal);

        discovered.Except(expected).ShouldBeEmpty("new routes must be added to the authorisation matrix");
        expected.Except(discovered).ShouldBeEmpty("the matrix lists routes that no longer exist");
    }

    [Theory, DatabaseData]
    public async Task EveryRoute_EveryPrincipal_AnswersAsTheMatrixSays(DatabaseKind db)
    {
        var factory = hosts.For(db);
        await ForeignProvider.EnsureAsync(factory);
        var ct = TestContext.Current.CancellationToken;
        var failures = new List<string>();
        var principals = new List<(string Name, HttpClient Client)> { ("anonym", factory.CreateBrowserLikeClient()) };
        foreach (var email in Visible.Keys) principals.Add((email, await factory.SignedInClientAsync(email)));

        // Each principal walks the whole table on its own client, three at a time. Nothing a request here does changes what
        // another sees: every POST, PUT and DELETE is sent without an antiforgery token and refused before it runs.
        await Parallel.ForEachAsync(principals, new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = ct }, async (principal, _) =>
        {
            var (name, client) = principal;
            var signedIn = name != "anonym";
            foreach (var route in Expected)
            {
                foreach (var (path, visible) in Targets(route, name))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(route.Method == "*" ? "GET" : route.Method), path);
                    if (route.Method == "POST") request.Content = route.Api ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : new FormUrlEncodedContent([]);
                    using var response = await client.SendAsync(request, ct);
                    var status = (int)response.StatusCode;
                    var body = await Html.ReadAsync(response);
                    var expected = ExpectedStatus(route, signedIn, visible, path);
                    lock (failures)
                    {
                        if (!expected.Contains(status)) failures.Add($"{route.Method} {path} som {name}: {status}, ventet {string.Join('/', expected)}");
                        if (route.Method == "HEAD") continue;
                        if (status >= 500) failures.Add($"{route.Method} {path} som {name}: serverfeil {status}");
                        if (name != ForeignProvider.AdminEmail && body.Contains(ForeignProvider.Canary, StringComparison.Ordinal))
                            failures.Add($"{route.Method} {path} som {name}: kanarifuglen fra den andre leverandøren lekket");
                    }
                }
            }
        });
        failures.Order(StringComparer.Ordinal).ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task ForeignAdmin_SeesOwnArrangementButNothingOfTheDemoProvider(DatabaseKind db)
    {
        var factory = hosts.For(db);
        await ForeignProvider.EnsureAsync(factory);
        var client = await factory.SignedInClientAsync(ForeignProvider.AdminEmail);

        var own = await client.GetAsync($"/ordninger/{ForeignProvider.ArrangementId}", TestContext.Current.CancellationToken);
        var list = await Html.GetAsync(client, "/api/v1/arrangements", TestContext.Current.CancellationToken);

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.ShouldContain(ForeignProvider.Canary);
        list.ShouldNotContain("Ordningen til");
    }

    private static HashSet<string> Discover(SelvstyrtFactory factory)
        => RouteTable.Read(factory).Select(r => $"{r.Method} {r.Pattern}").ToHashSet(StringComparer.Ordinal);

    /// <summary>The concrete paths to call for a route, each with whether this principal may see its object.</summary>
    private static IEnumerable<(string Path, bool Visible)> Targets(Route route, string principal)
    {
        var visible = Visible.GetValueOrDefault(principal, ([], []));
        var foreign = principal == ForeignProvider.AdminEmail;
        if (route.Audience != Audience.All && principal == DemoLogins.Assistant) visible = ([], visible.Assistants);
        if (route.Audience is Audience.Planners or Audience.Acting or Audience.Editors && principal.StartsWith("saksbehandler", StringComparison.Ordinal)) visible = ([], visible.Assistants);
        if (route.Audience == Audience.Editors && principal is DemoLogins.Deputy or DemoLogins.Auditor) visible = ([], visible.Assistants);
        // The union representative sees the plans, never the decision, the hour account or the deputy's periods.
        if (route.Audience is not (Audience.All or Audience.Planners) && principal == DemoLogins.UnionRepresentative) visible = ([], visible.Assistants);
        if (route.Audience == Audience.Hiring)
            visible = ([], [.. Managed.GetValueOrDefault(principal, []), .. Self.GetValueOrDefault(principal, []), .. Leading.GetValueOrDefault(principal, [])]);
        if (route.Audience is Audience.AssistantManagers or Audience.AssistantSelf)
        {
            var own = route.Audience == Audience.AssistantSelf ? Self.GetValueOrDefault(principal, []) : [];
            visible = ([], [.. Managed.GetValueOrDefault(principal, []), .. own]);
        }
        if (route.Audience == Audience.AssistantAdministrators)
            visible = ([], principal == DemoLogins.ProviderAdmin ? Managed.GetValueOrDefault(principal, []) : []);
        if (route.Audience == Audience.LogReaders && principal is not (DemoLogins.ProviderAdmin or DemoLogins.WorkLeader or DemoLogins.CoWorkLeader)) visible = ([], visible.Assistants);
        if (route.Audience == Audience.Administrators && principal is not DemoLogins.ProviderAdmin) visible = ([], visible.Assistants);
        if (route.Audience == Audience.Managers && principal is not (DemoLogins.ProviderAdmin or DemoLogins.CoordinatorEast or DemoLogins.CoordinatorWest)) visible = ([], visible.Assistants);
        var reporting = route.Audience switch
        {
            Audience.Reports => Reporting.GetValueOrDefault(principal, []),
            Audience.Invoice => principal.StartsWith("saksbehandler", StringComparison.Ordinal) ? [] : Reporting.GetValueOrDefault(principal, []),
            _ => null,
        };
        switch (route.Object)
        {
            case ObjectKind.Arrangement:
                foreach (var no in Enumerable.Range(1, 10)) yield return (Fill(route.Pattern, Arrangement(no), DemoIds.For($"decision:{no}"), DemoIds.For($"plan:{no}")), visible.Arrangements.Contains(no));
                // The foreign provider has no work plan: a plan route there finds nothing.
                yield return (Fill(route.Pattern, ForeignProvider.ArrangementId, ForeignProvider.DecisionId), foreign && !route.Pattern.Contains("lanId:guid}", StringComparison.Ordinal));
                yield return (Fill(route.Pattern, Guid.NewGuid(), Guid.NewGuid()), false);
                break;
            case ObjectKind.Assistant:
                foreach (var id in new[] { Assistant(42), Assistant(15), Assistant(20), Assistant(2), Assistant(12), Former })
                    yield return (Fill(route.Pattern, id), visible.Assistants.Contains(id));
                // The foreign assistant's employment is not one of the demo's: its employment page finds nothing.
                yield return (Fill(route.Pattern, ForeignProvider.AssistantId), foreign && !route.Pattern.Contains("{EmploymentId:guid}", StringComparison.Ordinal));
                break;
            case ObjectKind.Account:
                yield return (Fill(route.Pattern, DemoIds.For("user:" + DemoLogins.WorkLeader)), principal == DemoLogins.ProviderAdmin);
                yield return (Fill(route.Pattern, Guid.NewGuid()), false);
                break;
            case ObjectKind.Municipality:
                foreach (var number in new[] { "0301", "3201", "4601" })
                    yield return (Fill(route.Pattern, Municipality(number)), reporting?.Contains(number) ?? visible.Arrangements.Any(a => MunicipalityOf[a] == number));
                yield return (Fill(route.Pattern, ForeignProvider.MunicipalityId), foreign);
                break;
            case ObjectKind.TimeSheet:
                foreach (var (sheet, who) in Sheets)
                    yield return (FillSheet(route.Pattern, sheet), who.Contains(principal));
                yield return (FillSheet(route.Pattern, Guid.NewGuid()), false);
                break;
            case ObjectKind.Office:
                yield return (Fill(route.Pattern, DemoIds.For("office:ost")), principal == DemoLogins.ProviderAdmin);
                yield return (Fill(route.Pattern, DemoIds.For("office:vest")), principal == DemoLogins.ProviderAdmin);
                yield return (Fill(route.Pattern, ForeignProvider.OfficeId), foreign);
                yield return (Fill(route.Pattern, Guid.NewGuid()), false);
                break;
            case ObjectKind.Provider:
                yield return (Fill(route.Pattern, DemoSeeder.ProviderId), principal is DemoLogins.ProviderAdmin or DemoLogins.CoordinatorEast or DemoLogins.CoordinatorWest);
                yield return (Fill(route.Pattern, ForeignProvider.ProviderId), foreign);
                yield return (Fill(route.Pattern, Guid.NewGuid()), false);
                break;
            case ObjectKind.Agreement:
                // The døgnvakt agreement covers arrangement 9, which none of the demo's work leaders leads; it has no document,
                // so its download is a 404 for everyone (the upload and download are tested in AgreementTests).
                var providerSide = principal is DemoLogins.ProviderAdmin or DemoLogins.CoordinatorEast or DemoLogins.CoordinatorWest or DemoLogins.UnionRepresentative;
                var leads = principal is DemoLogins.WorkLeader or DemoLogins.CoWorkLeader or DemoLogins.Deputy;
                var document = route.Pattern.EndsWith("/document", StringComparison.Ordinal);
                yield return (Agreement(route.Pattern, DemoIds.For("agreement:dognvakt")), providerSide && !document);
                yield return (Agreement(route.Pattern, DemoIds.For("agreement:sondag")), (providerSide || leads) && !document);
                yield return (Agreement(route.Pattern, Guid.NewGuid()), false);
                break;
            case ObjectKind.Contract when route.Pattern.Contains("{letterId:guid}", StringComparison.Ordinal):
                // The demo has no reference letters: an unknown one is found by nobody (issuing and reading them: HiringTests).
                yield return (route.Pattern.Replace("{id:guid}", Assistant(42).ToString(), StringComparison.Ordinal).Replace("{letterId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal), false);
                break;
            case ObjectKind.Contract:
                // The contract the demo recorded on paper for each assistant (none for the former one: that employment had ended).
                foreach (var id in new[] { Assistant(42), Assistant(15), Assistant(20) })
                    yield return (Contract(route.Pattern, id, DemoIds.For($"contract:{id}")),
                        Managed.GetValueOrDefault(principal, []).Contains(id) || Self.GetValueOrDefault(principal, []).Contains(id));
                yield return (Contract(route.Pattern, Assistant(42), Guid.NewGuid()), false);
                break;
            case ObjectKind.Posting:
                var recruits = principal is DemoLogins.ProviderAdmin or DemoLogins.CoordinatorEast or DemoLogins.WorkLeader;
                yield return (Posting(route.Pattern, Arrangement(10), DemoIds.For("posting:10"), DemoIds.For("applicant:10:jonas")), recruits);
                // The same posting under another arrangement, and an unknown one, are found by nobody.
                yield return (Posting(route.Pattern, Arrangement(8), DemoIds.For("posting:10"), DemoIds.For("applicant:10:jonas")), false);
                yield return (Posting(route.Pattern, Arrangement(10), Guid.NewGuid(), Guid.NewGuid()), false);
                break;
            case ObjectKind.Talk:
                var talks = principal is DemoLogins.ProviderAdmin or DemoLogins.CoordinatorEast or DemoLogins.WorkLeader or DemoLogins.Assistant;
                foreach (var talk in new[] { DemoIds.For("talk:10:42"), DemoIds.For("talk:10:42:2025") })
                    yield return (route.Pattern.Replace("{Id:guid}", talk.ToString(), StringComparison.Ordinal).Replace("{talkId:guid}", talk.ToString(), StringComparison.Ordinal), talks);
                yield return (route.Pattern.Replace("{Id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{talkId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal), false);
                break;
            case ObjectKind.Incident:
                var incidents = principal is DemoLogins.ProviderAdmin or DemoLogins.CoordinatorEast or DemoLogins.WorkLeader or DemoLogins.Assistant;
                foreach (var incident in new[] { DemoIds.For("incident:10:open"), DemoIds.For("incident:2026-3") })
                    yield return (IncidentPath(route.Pattern, incident), incidents);
                yield return (IncidentPath(route.Pattern, Guid.NewGuid()), false);
                break;
            case ObjectKind.Risk:
                yield return (RiskPath(route.Pattern, DemoIds.For("ros:arrangement:10:2026")), principal is DemoLogins.ProviderAdmin or DemoLogins.CoordinatorEast or DemoLogins.WorkLeader);
                yield return (RiskPath(route.Pattern, DemoIds.For("ros:provider:2026")), principal is DemoLogins.ProviderAdmin or DemoLogins.CoordinatorEast or DemoLogins.CoordinatorWest);
                yield return (RiskPath(route.Pattern, Guid.NewGuid()), false);
                break;
            case ObjectKind.SurveyResults:
                yield return (SurveyPath(route.Pattern, DemoIds.For("survey:work:2026")), principal is DemoLogins.ProviderAdmin or DemoLogins.CoordinatorEast or DemoLogins.CoordinatorWest);
                yield return (SurveyPath(route.Pattern, Guid.NewGuid()), false);
                break;
            case ObjectKind.SurveyAnswer:
                yield return (SurveyPath(route.Pattern, DemoIds.For("survey:hms:2026")), principal is DemoLogins.Assistant or DemoLogins.Substitute);
                yield return (SurveyPath(route.Pattern, DemoIds.For("survey:work:2026")), false);
                break;
            case ObjectKind.Transparency:
                var provider = principal is DemoLogins.ProviderAdmin or DemoLogins.CoordinatorEast or DemoLogins.CoordinatorWest;
                yield return (route.Pattern.Replace("{Year:int}", "2025", StringComparison.Ordinal).Replace("{year:int}", "2025", StringComparison.Ordinal), provider || foreign);
                break;
            case ObjectKind.Wheel:
            case ObjectKind.Mapping:
                // Those who lead or manage the arrangement, its deputy, and for the mapping its assistants; the union representative and case workers not.
                var readers = principal switch
                {
                    DemoLogins.UnionRepresentative or DemoLogins.CaseWorkerOslo or DemoLogins.CaseWorkerBaerum or DemoLogins.CaseWorkerBergen => [],
                    DemoLogins.Assistant when route.Object == ObjectKind.Wheel => [],
                    _ => visible.Arrangements,
                };
                var apiMapping = route.Object == ObjectKind.Mapping && route.Api;
                foreach (var no in Enumerable.Range(1, 10))
                    yield return (route.Pattern.Replace("{Id:guid}", Arrangement(no).ToString(), StringComparison.Ordinal)
                        .Replace("{arrangementId:guid}", Arrangement(no).ToString(), StringComparison.Ordinal).Replace("{year:int}", "2026", StringComparison.Ordinal)
                        .Replace("{taskId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal), readers.Contains(no) && (!apiMapping || no == 10));
                yield return (route.Pattern.Replace("{Id:guid}", ForeignProvider.ArrangementId.ToString(), StringComparison.Ordinal)
                    .Replace("{arrangementId:guid}", ForeignProvider.ArrangementId.ToString(), StringComparison.Ordinal).Replace("{year:int}", "2026", StringComparison.Ordinal)
                    .Replace("{taskId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal), foreign && !apiMapping);
                break;
            case ObjectKind.Audit:
                yield return (AuditPath(route.Pattern, DemoIds.For("audit:2026:personvern")), principal is DemoLogins.ProviderAdmin or DemoLogins.CoordinatorEast or DemoLogins.WorkLeader);
                yield return (AuditPath(route.Pattern, DemoIds.For("audit:2026:opplaering")), principal is DemoLogins.ProviderAdmin);
                yield return (AuditPath(route.Pattern, Guid.NewGuid()), false);
                break;
            case ObjectKind.Handbook:
                var works = principal is DemoLogins.ProviderAdmin or DemoLogins.CoordinatorEast or DemoLogins.CoordinatorWest or DemoLogins.UnionRepresentative
                    or DemoLogins.WorkLeader or DemoLogins.CoWorkLeader or DemoLogins.Deputy or DemoLogins.Assistant;
                yield return (HandbookPath(route.Pattern, DemoIds.For("handbook:forflytning")), works);
                yield return (HandbookPath(route.Pattern, Guid.NewGuid()), false);
                break;
            case ObjectKind.Export:
                yield return (route.Pattern.Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal), false);
                break;
            case ObjectKind.WorkingTime:
                var period = route.Api ? "?from=2026-10-01&to=2026-10-31" : "?fra=2026-10-01&til=2026-10-31";
                foreach (var (id, who) in Records)
                    yield return (Fill(route.Pattern.Replace("{AssistantId:guid}", id.ToString(), StringComparison.Ordinal), id) + period, who.Contains(principal));
                yield return (Fill(route.Pattern.Replace("{AssistantId:guid}", ForeignProvider.AssistantId.ToString(), StringComparison.Ordinal), ForeignProvider.AssistantId) + period, foreign);
                break;
            default:
                yield return (route.Pattern.Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{**path:file}", "favicon.svg", StringComparison.Ordinal)
                    .Replace("{secret}", "ukjent-hemmelighet-som-ikke-finnes", StringComparison.Ordinal)
                    .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{Id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                    .Replace("{requestId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{itemId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                    .Replace("{supplierId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                    .Replace("{mappingId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{measureId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal), true);
                break;
        }
    }

    /// <summary>
    /// October's demo sheets of the 24/7 2:1 arrangement: the demo assistant's own (assistant 42, the first of its staff),
    /// and a colleague's (assistant 43). Who may see each, by hand from the demo's design.
    /// </summary>
    private static readonly (Guid Sheet, string[] Who)[] Sheets =
    [
        (DemoIds.For($"sheet:{Arrangement(10)}:{Assistant(42)}:2026-10"), [DemoLogins.ProviderAdmin, DemoLogins.CoordinatorEast, DemoLogins.WorkLeader, DemoLogins.Assistant]),
        (DemoIds.For($"sheet:{Arrangement(10)}:{Assistant(43)}:2026-10"), [DemoLogins.ProviderAdmin, DemoLogins.CoordinatorEast, DemoLogins.WorkLeader]),
    ];

    /// <summary>Working-time records: the assistant themself and the employer's side of the office; never the work leader.</summary>
    private static readonly (Guid Assistant, string[] Who)[] Records =
    [
        (Assistant(42), [DemoLogins.ProviderAdmin, DemoLogins.CoordinatorEast, DemoLogins.Assistant, DemoLogins.UnionRepresentative]),
        // Not 43: PersistenceTests assigns it to a West arrangement on the shared host, which makes it the West coordinator's too.
        (Assistant(45), [DemoLogins.ProviderAdmin, DemoLogins.CoordinatorEast, DemoLogins.UnionRepresentative]),
        (Assistant(20), [DemoLogins.ProviderAdmin, DemoLogins.CoordinatorWest, DemoLogins.UnionRepresentative]),
    ];

    private static string Contract(string pattern, Guid assistant, Guid contract)
        => pattern.Replace("{id:guid}", assistant.ToString(), StringComparison.Ordinal).Replace("{Id:guid}", assistant.ToString(), StringComparison.Ordinal)
            .Replace("{contractId:guid}", contract.ToString(), StringComparison.Ordinal).Replace("{ContractId:guid}", contract.ToString(), StringComparison.Ordinal);

    private static string Posting(string pattern, Guid arrangement, Guid posting, Guid applicant)
        => pattern.Replace("{id:guid}", arrangement.ToString(), StringComparison.Ordinal).Replace("{Id:guid}", arrangement.ToString(), StringComparison.Ordinal)
            .Replace("{postingId:guid}", posting.ToString(), StringComparison.Ordinal).Replace("{PostingId:guid}", posting.ToString(), StringComparison.Ordinal)
            .Replace("{applicantId:guid}", applicant.ToString(), StringComparison.Ordinal).Replace("{ApplicantId:guid}", applicant.ToString(), StringComparison.Ordinal);

    private static string IncidentPath(string pattern, Guid id)
        => pattern.Replace("{Id:guid}", id.ToString(), StringComparison.Ordinal).Replace("{incidentId:guid}", id.ToString(), StringComparison.Ordinal)
            .Replace("{measureId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

    private static string RiskPath(string pattern, Guid id)
        => pattern.Replace("{Id:guid}", id.ToString(), StringComparison.Ordinal).Replace("{analysisId:guid}", id.ToString(), StringComparison.Ordinal)
            .Replace("{hazardId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

    private static string AuditPath(string pattern, Guid id)
        => pattern.Replace("{Id:guid}", id.ToString(), StringComparison.Ordinal).Replace("{auditId:guid}", id.ToString(), StringComparison.Ordinal)
            .Replace("{findingId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{measureId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

    private static string HandbookPath(string pattern, Guid id)
        => pattern.Replace("{Id:guid}", id.ToString(), StringComparison.Ordinal).Replace("{documentId:guid}", id.ToString(), StringComparison.Ordinal);

    private static string SurveyPath(string pattern, Guid id)
        => pattern.Replace("{Id:guid}", id.ToString(), StringComparison.Ordinal).Replace("{surveyId:guid}", id.ToString(), StringComparison.Ordinal);

    private static string Agreement(string pattern, Guid id)
        => pattern.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal).Replace("{Id:guid}", id.ToString(), StringComparison.Ordinal);

    private static string FillSheet(string pattern, Guid sheet)
        => pattern.Replace("{SheetId:guid}", sheet.ToString(), StringComparison.Ordinal).Replace("{id:guid}", sheet.ToString(), StringComparison.Ordinal)
            .Replace("{EntryId:guid}", DemoIds.For($"entry:{sheet}:0").ToString(), StringComparison.Ordinal)
            .Replace("{entryId:guid}", DemoIds.For($"entry:{sheet}:0").ToString(), StringComparison.Ordinal);

    private static string Fill(string pattern, Guid id, Guid? decisionId = null, Guid? planId = null)
        => pattern.Replace("{planId:guid}", (planId ?? Guid.NewGuid()).ToString(), StringComparison.Ordinal).Replace("{PlanId:guid}", (planId ?? Guid.NewGuid()).ToString(), StringComparison.Ordinal)
            .Replace("{shiftId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{periodId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{deviationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{DeviationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{offerId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{swapId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{requestId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{competenceId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{templateId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("vedlegg1.pdf", $"vedlegg1.pdf?assistent={Assistant(42)}&maaned=2026-11", StringComparison.Ordinal)
            .Replace("appendix-1.pdf", $"appendix-1.pdf?assistant={Assistant(42)}&month=2026-11", StringComparison.Ordinal)
            .Replace("{secret}", "ukjent-hemmelighet-som-ikke-finnes", StringComparison.Ordinal)
            .Replace("{Id:guid}", id.ToString(), StringComparison.Ordinal).Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
            .Replace("{decisionId:guid}", (decisionId ?? Guid.NewGuid()).ToString(), StringComparison.Ordinal)
            .Replace("{month}", "2026-10", StringComparison.Ordinal).Replace("{year:int}", "2026", StringComparison.Ordinal)
            .Replace("{EmploymentId:guid}", EmploymentOf(id).ToString(), StringComparison.Ordinal)
            .Replace("{employmentId:guid}", EmploymentOf(id).ToString(), StringComparison.Ordinal)
            .Replace("{assignmentId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{declarationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

    private static int[] ExpectedStatus(Route route, bool signedIn, bool visible, string path)
    {
        switch (route.Gate)
        {
            case Gate.Public:
                // The two-step page sends people without a pending two-step sign-in back to sign-in;
                // Blazor's opaque-redirect endpoint answers only its own enhanced-navigation requests.
                return path switch
                {
                    "/logg-inn/tofaktor" => [200, 302],
                    "/_framework/opaque-redirect" => [400, 404],
                    // An unknown or revoked calendar secret is simply not found.
                    _ when path.StartsWith("/kalender/", StringComparison.Ordinal) => [404],
                    _ => [200],
                };
            case Gate.SignedIn:
                return signedIn ? [200] : route.Api ? [401] : [302];
            case Gate.Object:
                if (!signedIn) return route.Api ? [401] : [302];
                // The demo has no vacant shift, so the candidates of an unknown one are not found for anyone; who may search is
                // SubstituteTests' business. (The page says the shift is not vacant; the offers are an empty list.)
                if (path.EndsWith("/candidates", StringComparison.Ordinal)) return [404];
                return visible ? [200] : [404];
            default:
                // No antiforgery token: refused before anything happens. Anonymous callers are stopped
                // even earlier: 401 from the API, and sign-in for pages that need it.
                if (!signedIn) return route.Api ? [401] : [302, 400];
                return [400];
        }
    }
}
