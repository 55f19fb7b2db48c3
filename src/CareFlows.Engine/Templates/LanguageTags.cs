using System.Text.RegularExpressions;

namespace CareFlows.Engine.Templates;

/// <summary>
/// Locales as they may enter CareFlows (order events, the API, previews): BCP 47 language tags such as <c>de</c>,
/// <c>de-AT</c>, <c>pt-BR</c> or <c>zh-Hant-TW</c> (an underscore is read as a hyphen). A locale picks a template folder,
/// so anything else (a path, a dot, a slash) is refused where it enters and never reaches the file system.
/// </summary>
public static partial class LanguageTags
{
    public static bool IsValid(string? locale) => locale is not null && Pattern().IsMatch(locale.Replace('_', '-'));

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex Pattern();
}
