# Source of the rule engine's Norwegian texts. Edit here, then run `python3 tools/ruletexts.py` to regenerate
# src/Selvstyrt.Domain/Rules/RuleTexts.resx and the rule list in docs/rules/README.md.
import html, os, sys

# Rule id -> (paragraph, severity, Norwegian one-line summary). The order is the order of rules.md.
RULES = [
("AML-10-2-1", "aml. § 10-2 (1)", "warn", "Arbeidstiden skal ikke gi skadelig belastning: mange langvakter, mange nattevakter på rad, over 48 t i uken hos alle arbeidsgivere samlet."),
("AML-10-3-1", "aml. § 10-3", "breach", "Arbeidsplanen skal drøftes med tillitsvalgte senest 14 dager før den gjelder."),
("AML-10-4-1", "aml. § 10-4 (1)", "info", "Alminnelig arbeidstid er høyst 9 t per 24 timer og 40 t per 7 dager; det som går over, er overtid."),
("AML-10-4-2", "aml. § 10-4 (2)", "info", "Hovedsakelig passivt arbeid: alminnelig arbeidstid kan forlenges med halvparten av den passive tiden, høyst 2 t per døgn og 10 t per uke, aldri over 48 t."),
("AML-10-4-3", "aml. § 10-4 (3)", "info", "Hjemmevakt: minst 1/7 av tiden regnes som arbeidstid."),
("AML-10-4-4", "aml. § 10-4 (4)", "info", "Kortere uke: 38 t ved turnus døgnet rundt, søndagsarbeid minst hver tredje søndag eller hovedsakelig nattarbeid; 36 t ved helkontinuerlig turnus."),
("AML-10-5-1", "aml. § 10-5 (1)", "breach", "Gjennomsnittsberegning etter skriftlig avtale: høyst 10 t per døgn, 48 t per uke i snitt over 8 uker, 50 t i én uke, periode høyst 52 uker."),
("AML-10-5-2", "aml. § 10-5 (2)", "breach", "Gjennomsnittsberegning etter tariffavtale: høyst 12,5 t per døgn og 54 t i én uke; snittet i perioden er normen."),
("AML-10-5-3", "aml. § 10-5 (3)", "breach", "Gjennomsnittsberegning med samtykke fra Arbeidstilsynet: høyst 13 t per døgn, periode høyst 26 uker."),
("AML-10-6-1", "aml. § 10-6 (1)", "warn", "Overtid bare ved særlig og tidsavgrenset behov: planlagt overtid varsles, og hver overtidsføring trenger begrunnelse."),
("AML-10-6-4", "aml. § 10-6 (4)", "breach", "Overtid høyst 10 t per 7 dager, 25 t per 4 uker og 200 t per 52 uker."),
("AML-10-6-5", "aml. § 10-6 (5)", "breach", "Med tariffavtale: overtid høyst 20 t per 7 dager, 50 t per 4 uker og 300 t per 52 uker."),
("AML-10-6-8", "aml. § 10-6 (8)", "breach", "Samlet arbeidstid høyst 13 t per 24 timer og 48 t per uke i snitt over 8 uker, aldri over 69 t i én uke."),
("AML-10-6-9", "aml. § 10-6 (9)", "breach", "Med tariffavtale: samlet arbeidstid opptil 16 t per 24 timer, med tilsvarende kompenserende hvile."),
("AML-10-6-11", "aml. § 10-6 (11)", "breach", "Overtidstillegget skal være minst 40 %."),
("AML-10-7-1", "aml. § 10-7", "warn", "Arbeidstiden skal registreres slik den faktisk var; planlagt og faktisk holdes adskilt, og en assistent kan ikke registreres to steder samtidig."),
("AML-10-8-1", "aml. § 10-8 (1)", "breach", "Minst 11 t sammenhengende daglig hvile per 24 timer."),
("AML-10-8-2", "aml. § 10-8 (2)", "breach", "Minst 35 t sammenhengende ukentlig fritid per 7 dager."),
("AML-10-8-3", "aml. § 10-8 (3)", "warn", "Med tariffavtale: daglig hvile ned til 8 t og ukentlig fritid ned til 28 t, med tilsvarende kompenserende hvile."),
("AML-10-8-4", "aml. § 10-8 (4)", "breach", "Den som har arbeidet på søn- eller helgedag, skal ha fri den neste; med skriftlig avtale hver annen i snitt over 26 uker og fri minst hver 4. uke."),
("AML-10-9-1", "aml. § 10-9 (1)", "warn", "Pause når arbeidstiden er over 5,5 t, minst 30 min fra 8 t; kan assistenten ikke gå fra, er pausen arbeidstid."),
("AML-10-10-1", "aml. § 10-10 (1)", "-", "Søn- og helgedagsarbeid: fra kl. 18 dagen før (15 på jule-, påske- og pinseaften; 22 før 1. og 17. mai) til kl. 22 dagen før neste virkedag. Klassifiserer timer."),
("AML-10-11-1", "aml. § 10-11 (1)", "-", "Nattarbeid er arbeid mellom kl. 21 og 06 (husholdsforskriften: 23-06; tariff kan sette et annet vindu). Klassifiserer timer."),
("AML-10-11-6", "aml. § 10-11 (6)", "breach", "Nattarbeidere: alminnelig arbeidstid høyst 8 t per døgn i snitt over 4 uker, ukefritiden trukket fra."),
("AML-10-12-4", "aml. § 10-12 (4)", "warn", "Tariffavvik er den lovlige veien til lange BPA-vakter (døgnvakt, langvakt), og krever kompenserende hvile etter hver langvakt."),
("LONGSHIFT-1", "aml. §§ 10-6 (8), 10-8, 10-12 (4)", "breach", "Vakter over 13 t (16 t med § 10-6 (9)) krever tariffavvik eller samtykke; da gjelder grunnlagets egne grenser for vaktlengde og hvile."),
("SUPP-1", "tariffavtalen", "info", "Tillegg beregnes per medgått minutt i avtalens vinduer for kveld, natt, helg og helligdag; satser som ikke er bekreftet, vises med kilde."),
("PASSIVE-1", "aml. § 10-1, tariffavtalen", "warn", "Passiv tid teller fullt mot alle grenser; lønn for passiv tid krever avtalens faktor."),
("TRAVEL-1", "aml. § 10-1, tariffavtalen", "warn", "Tid til brukerens disposisjon på reise er arbeidstid; overnatting krever fri hvile eller avtalt passiv tid."),
("MINPAY-1", "tariffavtalen", "breach", "Timelønn under avtalens minstelønn for assistentens ansiennitet på arbeidsdagen."),
("SYK-8-2", "ftrl. § 8-2", "info", "Sykepenger krever fire ukers arbeid rett før fraværet; arbeidsgiverperioden gjelder bare da."),
("SYK-8-19-1", "ftrl. § 8-19 (1)", "info", "Arbeidsgiverperioden er 16 kalenderdager fra første hele fraværsdag; fra dag 17 betaler NAV."),
("SYK-8-19-3", "ftrl. § 8-19 (3)", "info", "Nytt fravær mindre enn 16 dager etter det forrige hører til samme arbeidsgiverperiode."),
("SYK-8-19-4", "ftrl. § 8-19 (4)", "info", "Etter en full arbeidsgiverperiode begynner en ny først etter 16 dager tilbake i arbeid; før det betaler NAV fra første dag."),
("EGM-8-24-1", "ftrl. § 8-24", "breach", "Egenmelding krever to måneders ansettelse."),
("EGM-8-24-2", "ftrl. § 8-24", "breach", "Egenmelding for høyst tre kalenderdager hver gang; egenmeldte dager med under 16 dager imellom legges sammen."),
("EGM-8-24-3", "ftrl. § 8-24", "breach", "Arbeidsgiveren kan gi en utvidet rett (som IA-mønsteret: 8 dager hver gang, 24 dager på 12 måneder); grensen er en innstilling per arbeidsgiver."),
("EGM-8-27", "ftrl. § 8-27", "warn", "Etter fire egenmeldte fravær på 12 måneder kan arbeidsgiveren nekte bruk av egenmelding: et flagg, ikke en sperre."),
("OMS-9-6", "ftrl. § 9-6", "-", "Omsorgsdager per kalenderår: 10 (1-2 barn), 15 (3 eller flere); alene om omsorgen 20/30; 10 til per kronisk sykt barn (dobbelt for den som er alene)."),
("OMS-AGE", "ftrl. § 9-5", "-", "Barnet teller til og med året det fyller 12 (18 om det er kronisk sykt)."),
("OMS-PAY", "ftrl. § 9-8", "-", "Arbeidsgiveren betaler de første 10 omsorgsdagene i året; NAV refunderer fra dag 11."),
('FER-5-1', 'ferieloven § 5 (1)', 'warn', '25 feriedager i året (alle dager unntatt søndager og helligdager teller, også lørdager).'),
('FER-5-2', 'ferieloven § 5 (2)', '-', '6 feriedager til fra det året arbeidstakeren fyller 60; arbeidstakeren bestemmer når de tas.'),
('FER-TARIFF', 'tariffavtalens feriebestemmelse', '-', 'Tariffavtaler med femte ferieuke: 30 dager og 12 % feriepenger (14,3 % fra 60 år).'),
('FER-6-1', 'ferieloven § 6 (2)', 'warn', 'Arbeidstakeren kan kreve å få vite når ferien blir, senest to måneder før den begynner.'),
('FER-7-1', 'ferieloven § 7 (1)', 'breach', 'Arbeidstakeren kan kreve 18 virkedager sammenhengende ferie mellom 1. juni og 30. september, men ikke ved ansettelse etter 15. august.'),
('FER-7-3', 'ferieloven § 7 (3)', 'warn', 'Inntil 12 feriedager kan overføres til neste år ved skriftlig avtale; ferie tapt ved sykdom eller foreldrepermisjon overføres også.'),
('FER-9-1', 'ferieloven § 9 (1)', 'breach', 'Helt sykmeldt før ferien: kan kreve den flyttet; helt sykmeldt i ferien: like mange dager senere. Krever legeerklæring.'),
('FER-10-1', 'ferieloven § 10', '-', 'Feriepenger 10,2 % av fjorårets lønn; fra 60 år 2,3 prosentpoeng mer av grunnlaget opp til 6 G.'),
]

T = {
"AML-10-2-1.Declared": "Assistenten har oppgitt {0} t per uke hos {1}. Timene regnes med når belastningen vurderes samlet (arbeidsmiljøloven § 10-2 (1)).",
"AML-10-2-1.LongShifts": "{0} vakter på {1} t eller mer innen 7 dager kan gi skadelig belastning (arbeidsmiljøloven § 10-2 (1)).",
"AML-10-2-1.Nights": "{0} nattevakter på rad kan gi skadelig belastning (arbeidsmiljøloven § 10-2 (1)).",
"AML-10-2-1.OtherEmployer": "en annen arbeidsgiver",
"AML-10-2-1.Total": "Samlet arbeidstid hos alle arbeidsgivere er {0} t i uken fra {1}, over {2} t (arbeidsmiljøloven § 10-2 (1)).",
"AML-10-3-1.Late": "Arbeidsplanen som gjelder fra {1}, ble drøftet {0}, bare {2} dager før. Den skal drøftes senest {3} dager før (arbeidsmiljøloven § 10-3).",
"AML-10-3-1.NotDiscussed": "Det er ikke registrert når arbeidsplanen som gjelder fra {0}, ble drøftet. Den skal drøftes med tillitsvalgte senest {1} dager før (arbeidsmiljøloven § 10-3).",
"AML-10-4-1.Day": "Alminnelig arbeidstid {0} t i løpet av 24 timer fra {1} er over {2} t: {3} t er overtid (arbeidsmiljøloven § 10-4 (1)).",
"AML-10-4-1.Week": "Alminnelig arbeidstid {0} t i uken fra {1} er over {2} t: {3} t er overtid (arbeidsmiljøloven § 10-4 (1)).",
"AML-10-4-2.Extended": "Arbeidet i 24 timer fra {0} er hovedsakelig passivt ({1} t passiv tid): alminnelig arbeidstid forlenges med {2} t til {3} t (arbeidsmiljøloven § 10-4 (2)).",
"AML-10-4-3.Counted": "Hjemmevakt på {0} t: minst 1/{1} regnes som arbeidstid, her {2} t (arbeidsmiljøloven § 10-4 (3)).",
"AML-10-4-4.Norm": "Grensen for alminnelig arbeidstid er {0} t per uke fordi assistenten har {1} (arbeidsmiljøloven § 10-4 (4)).",
"AML-10-5.Average": "Alminnelig arbeidstid er i snitt {0} t per uke over {1} uker, men skal i snitt ikke overstige {2} t ({3}).",
"AML-10-5.PeriodTooLong": "Gjennomsnittsberegningen gjelder {1} uker, men kan gjelde høyst {2} uker ({0}).",
"AML-10-5.RollingAverage": "Alminnelig arbeidstid er i snitt {0} t per uke over {1} uker, over grensen {2} t ({3}).",
"AML-10-6-1.NoReason": "Vakten {1} har {0} t overtid uten begrunnelse. Oppgi hvorfor (arbeidsmiljøloven § 10-6 (1)).",
"AML-10-6-1.Planned": "Planen har {0} t overtid i vakten {1}. Overtid skal bare brukes ved særlig og tidsavgrenset behov (arbeidsmiljøloven § 10-6 (1)).",
"AML-10-6-11.Low": "Overtidstillegget er {0} %, men skal være minst {1} % (arbeidsmiljøloven § 10-6 (11)).",
"AML-10-6-4.FourWeeks": "Overtid {0} t i løpet av {1} uker er over {2} t per 4 uker ({3}).",
"AML-10-6-4.Week": "Overtid {0} t i løpet av 7 dager er over {1} t ({2}).",
"AML-10-6-4.Year": "Overtid {0} t i løpet av {1} uker er over {2} t per 52 uker ({3}).",
"AML-10-6-8.Average": "Samlet arbeidstid er i snitt {0} t per uke over {1} uker, over {2} t (arbeidsmiljøloven § 10-6 (8)).",
"AML-10-6-8.Day": "Samlet arbeidstid {0} t i løpet av 24 timer fra {1} er over {2} t (arbeidsmiljøloven § 10-6 (8)).",
"AML-10-6-8.DayAcross": "Samlet arbeidstid hos flere arbeidsgivere er {0} t i løpet av 24 timer fra {1}, over {2} t. Grensen gjelder per arbeidsgiver, men belastningen er samlet (arbeidsmiljøloven §§ 10-6 (8) og 10-2).",
"AML-10-6-8.Week": "Samlet arbeidstid {0} t i én uke er over {1} t (arbeidsmiljøloven § 10-6 (8)).",
"AML-10-6-9.Compensate": "Samlet arbeidstid {0} t i løpet av 24 timer fra {1} er tillatt etter tariffavtalen; gi {2} t tilsvarende kompenserende hvile (arbeidsmiljøloven § 10-6 (9)).",
"AML-10-6-9.Over": "Samlet arbeidstid {0} t i løpet av 24 timer fra {1} er over {2} t, også med tariffavtale (arbeidsmiljøloven § 10-6 (9)).",
"AML-10-7-1.OverlapAcross": "Vaktene {0} og {1} hos ulike arbeidsgivere overlapper fra {2} ({3} t) (arbeidsmiljøloven § 10-7).",
"AML-10-7-1.OverlapActual": "Registreringene {0} og {1} overlapper fra {2} ({3} t): arbeidstidsregistreringen skal vise faktisk arbeidet tid (arbeidsmiljøloven § 10-7).",
"AML-10-7-1.OverlapPlanned": "Vaktene {0} og {1} overlapper fra {2} ({3} t): en assistent kan ikke være to steder samtidig (arbeidsmiljøloven § 10-7).",
"AML-10-8-1.Across": "Daglig hviletid {0} t mellom vakter hos ulike arbeidsgivere er under {1} t. Grensen gjelder per arbeidsgiver (arbeidsmiljøloven § 10-8 (1)).",
"AML-10-8-1.BelowFloor": "Daglig hviletid {0} t er under {2} t, som er nedre grense også med tariffavtale (arbeidsmiljøloven § 10-8 (1) og (3)).",
"AML-10-8-1.Short": "Daglig hviletid {0} t er under {1} t (arbeidsmiljøloven § 10-8 (1)).",
"AML-10-8-2.BelowFloor": "Lengste sammenhengende fritid i uken fra {1} er {0} t, under {3} t, som er nedre grense også med tariffavtale (arbeidsmiljøloven § 10-8 (2) og (3)).",
"AML-10-8-2.Short": "Lengste sammenhengende fritid i uken fra {1} er {0} t, under {2} t (arbeidsmiljøloven § 10-8 (2)).",
"AML-10-8-3.Daily": "Daglig hviletid {0} t er under {1} t, men tillatt etter tariffavtale. Gi {2} t tilsvarende kompenserende hvile (arbeidsmiljøloven § 10-8 (3)).",
"AML-10-8-3.Weekly": "Ukentlig fritid {0} t er under {1} t, men tillatt etter tariffavtale. Gi {2} t tilsvarende kompenserende hvile (arbeidsmiljøloven § 10-8 (3)).",
"AML-10-8-4.Average": "Assistenten arbeider mer enn hver annen søn- og helgedag i snitt over {0} uker (arbeidsmiljøloven § 10-8 (4)).",
"AML-10-8-4.Consecutive": "Assistenten arbeider både {0} og {1}. Den som har arbeidet på en søn- eller helgedag, skal ha fri den neste (arbeidsmiljøloven § 10-8 (4)).",
"AML-10-8-4.EveryFourth": "Assistenten har ikke fri på noen søn- eller helgedag i løpet av {0} uker (arbeidsmiljøloven § 10-8 (4)).",
"AML-10-9-1.None": "Vakten {1} på {0} t har ingen registrert pause. Over {2} timer skal det være pause; kan assistenten ikke gå fra, er pausen betalt arbeidstid (arbeidsmiljøloven § 10-9 (1)).",
"AML-10-9-1.Short": "Pausene er {0} min i en vakt på {1} t; fra {3} timer skal pausene være minst {2} min til sammen (arbeidsmiljøloven § 10-9 (1)).",
"AML-10-11-6.Average": "Nattarbeideren har i snitt {0} t alminnelig arbeidstid per døgn over {1} uker, over {2} t (arbeidsmiljøloven § 10-11 (6)).",
"AML-10-12-4.Compensate": "Etter en langvakt på {0} t er hvilen bare {1} t; tariffavviket krever {2} t kompenserende hvile (arbeidsmiljøloven § 10-12 (4)).",
"LONGSHIFT-1.NoBasis": "Vakten fra {1} varer {0} t, over {2} t. Lengre vakter krever tariffavvik etter arbeidsmiljøloven § 10-12 (4) eller samtykke fra Arbeidstilsynet.",
"LONGSHIFT-1.OverBasis": "Vakten fra {1} varer {0} t, over {2} t som grunnlaget {3} tillater (arbeidsmiljøloven § 10-12 (4)).",
"LONGSHIFT-1.Rest": "Hvilen etter langvakten er {0} t, under {1} t som grunnlaget {2} krever (arbeidsmiljøloven § 10-12 (4)).",
"MINPAY-1.Below": "Timelønn {0} kr er under minstelønnen {1} kr for {2} års ansiennitet ({3} t per uke) i {4}. Kilde: {5}.",
"PASSIVE-1.NoFactor": "{0} t passiv tid mangler lønnsfaktor: {1} har ingen kjent sats for passiv tid. Legg inn den avtalte faktoren.",
"SUPP-1.Verify": "Satsene i {0} er ikke bekreftet mot den signerte avtaleteksten. Kilde: {1}.",
"TRAVEL-1.Night": "Reisen fra {0} har {1} t om natten uten fri hvile eller avtalt passiv tid. Tid til brukerens disposisjon på reise er arbeidstid.",
"SYK-8-2.NotQualified": "Ansatt {0}: sykepenger og arbeidsgiverperiode gjelder først fra {1}, etter fire ukers arbeid (folketrygdloven § 8-2).",
"SYK-8-19-1.Employer": "Arbeidsgiveren betaler {0} dager av dette fraværet; {1} av {2} dager i arbeidsgiverperioden er brukt (folketrygdloven § 8-19).",
"SYK-8-19-1.NavTakesOver": "Arbeidsgiveren betaler {0} dager, og arbeidsgiverperioden på {1} dager er full: NAV betaler fra {2} (folketrygdloven § 8-19).",
"SYK-8-19-3.Joined": "Fraværet begynner mindre enn 16 dager etter det forrige og hører til arbeidsgiverperioden fra {0}, der {1} dager er brukt (folketrygdloven § 8-19 (3)).",
"SYK-8-19-4.NavFromDayOne": "Arbeidsgiverperioden er brukt opp, og assistenten har ikke vært tilbake i arbeid i {0} dager: NAV betaler fra første dag (folketrygdloven § 8-19 (4)).",
"EGM-8-24-1.TooSoon": "Egenmelding kan ikke brukes: ansatt {0}, og retten kommer etter to måneder, {1} (folketrygdloven § 8-24). Legeerklæring trengs.",
"EGM-8-24-2.TooLong": "Egenmelding for {0} dager, over grensen på {1} dager hver gang (folketrygdloven § 8-24). Legeerklæring trengs.",
"EGM-8-24-2.Joined": "Egenmeldt fravær med under {2} dager imellom legges sammen: {0} dager, over grensen på {1} (folketrygdloven § 8-24). Legeerklæring trengs.",
"EGM-8-24-3.OverCap": "{0} egenmeldte dager de siste 12 månedene og {1} til blir over arbeidsgiverens grense på {2} dager (utvidet egenmelding).",
"EGM-8-27.Many": "Dette er egenmelding nummer {0} på 12 måneder: arbeidsgiveren kan nekte bruk av egenmelding en tid (folketrygdloven § 8-27). Et flagg, ikke en sperre.",
"OMS-AGE.None": "Ingen av barna gir rett til omsorgsdager i {0}: et barn teller til og med året det fyller 12, eller 18 om det er kronisk sykt (folketrygdloven § 9-5).",
"OMS-PAY.Split": "Arbeidsgiveren betaler {0} omsorgsdager av dette fraværet og NAV refunderer {1}; {2} dager er igjen i {3} (folketrygdloven § 9-8).",
"OMS-9-6.Over": "{0} dager er over retten på {1} omsorgsdager i {2} (folketrygdloven § 9-6).",
'FER-5-1.More': 'Ønsket gir {0} feriedager, men bare {1} er igjen i året (ferieloven § 5). Flere dager kan avtales, men ikke kreves.',
'FER-5-1.Over': '{0} feriedager registrert i {1}, mer enn de {2} assistenten har rett på (ferieloven § 5). Dager ut over retten er permisjon, ikke ferie.',
'FER-6-1.AnswerBy': 'Svar senest {0}: assistenten kan kreve å få vite tidspunktet to måneder før ferien (ferieloven § 6).',
'FER-6-1.Late': 'Mindre enn to måneder til ferien: svaret skulle vært gitt senest {0} (ferieloven § 6).',
'FER-6-1.Moved': 'Andre datoer enn ønsket, gitt etter {0}: assistenten kan kreve å få vite tidspunktet to måneder før (ferieloven § 6).',
'FER-6-1.Told': 'Ferien fra {0} ble fastsatt {1}, senere enn {2}: assistenten kan kreve å få vite tidspunktet to måneder før (ferieloven § 6).',
'FER-7-1.Demanded': 'Assistenten kan kreve {0} virkedager sammenhengende ferie mellom 1. juni og 30. september (ferieloven § 7). Innvilg den, eller avtal en annen hovedferie først.',
'FER-7-1.None': 'Ingen hovedferie på {0} virkedager sammenhengende mellom 1. juni og 30. september {1} er registrert; assistenten kan kreve den (ferieloven § 7).',
'FER-7-1.NotYet': 'Hovedferien kan ikke kreves i {1}: ansatt {0}, etter 15. august (ferieloven § 7). Arbeidsgiveren kan likevel innvilge den.',
'FER-7-1.Short': 'Ønsket har {0} virkedager i hovedferieperioden 1. juni–30. september; retten til hovedferie gjelder {1} sammenhengende.',
'FER-7-3.Left': '{0} feriedager er ikke tatt i {1}. Høyst {2} kan avtales overført skriftlig (ferieloven § 7); dager tapt ved sykdom overføres av seg selv.',
'FER-7-3.Missing': 'Fyll ut antall dager som er avtalt overført.',
'FER-7-3.TooMany': 'Høyst {0} feriedager kan avtales overført til neste år (ferieloven § 7). Dager tapt ved sykdom overføres av seg selv.',
'FER-9-1.Before': 'Helt sykmeldt før ferien fra {0}: assistenten kan kreve ferien flyttet; {1} feriedager er gitt tilbake (ferieloven § 9).',
'FER-9-1.During': 'Helt sykmeldt i ferien: {0} feriedager er gitt tilbake og kan tas senere (ferieloven § 9).',
'FER-9-1.NeedsNote': 'Sykdom i ferien gir dagene tilbake bare med sykmelding fra lege på 100 prosent (ferieloven § 9). Ferien står som den er.',
}

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
for rid, _, _, summary in RULES:
    T[rid + ".Summary"] = summary

with open(os.path.join(root, "src/Selvstyrt.Domain/Rules/RuleTexts.resx"), "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<!-- Generated by tools/ruletexts.py: edit there. -->\n<root>\n')
    f.write('  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n')
    f.write('  <resheader name="version"><value>2.0</value></resheader>\n')
    f.write('  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>\n')
    f.write('  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>\n')
    for k in sorted(T):
        f.write('  <data name="%s" xml:space="preserve"><value>%s</value></data>\n' % (html.escape(k), html.escape(T[k], quote=False)))
    f.write('</root>\n')

sev = {"breach": "brudd", "warn": "advarsel", "info": "info", "-": "klassifiserer"}
with open(os.path.join(root, "docs/rules/README.md"), "w", encoding="utf-8") as f:
    f.write("# The rule ids\n\nGenerated by `tools/ruletexts.py` from the same texts the engine uses. The specification is\n")
    f.write("`../shared/docs/rules.md`; how each rule is measured, and the choices we made where it is open, is in\n")
    f.write("[engine.md](engine.md). Severity is the most severe finding the rule gives.\n\n")
    f.write("| id | source | severity | rule (as the engine explains it) |\n|---|---|---|---|\n")
    for rid, para, s, summary in RULES:
        f.write("| %s | %s | %s | %s |\n" % (rid, para, sev[s], summary))
print("wrote %d texts" % len(T))
