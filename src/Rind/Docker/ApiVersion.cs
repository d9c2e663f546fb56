using System.Globalization;

namespace Rind.Docker;

/// <summary>
/// An engine API version such as 1.41, compared numerically.
/// </summary>
internal readonly record struct ApiVersion(int Major, int Minor) : IComparable<ApiVersion>
{
    /// <summary>The oldest API rind speaks: Docker Engine 20.10.</summary>
    public static readonly ApiVersion Minimum = new(1, 41);

    /// <summary>The first API whose engines size an exec's terminal when they create it (Docker 23).</summary>
    public static readonly ApiVersion ConsoleSizeAtStart = new(1, 42);

    /// <summary>The newest API rind knows; newer engines are asked to speak this one.</summary>
    public static readonly ApiVersion Maximum = new(1, 51);

    public static bool TryParse(string? text, out ApiVersion version)
    {
        version = default;
        var parts = text?.Trim().Split('.');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new ApiVersion(major, minor);
        return true;
    }

    /// <summary>
    /// The version to use with an engine that reports <paramref name="engineVersion"/>: the engine's own,
    /// capped at what rind knows.
    /// </summary>
    public static ApiVersion Negotiate(ApiVersion engineVersion) =>
        engineVersion.CompareTo(Maximum) > 0 ? Maximum : engineVersion;

    public int CompareTo(ApiVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
