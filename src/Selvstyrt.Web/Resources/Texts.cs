namespace Selvstyrt.Web.Resources;

/// <summary>Marker for the UI texts in <c>Texts.resx</c> (bokmål, the neutral language) and <c>Texts.en.resx</c>.</summary>
public sealed class Texts;
