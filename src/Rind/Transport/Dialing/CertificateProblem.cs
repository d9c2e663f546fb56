namespace Rind.Transport.Dialing;

/// <summary>Why a server's certificate was not accepted, for the caller to say in its own words.</summary>
internal enum CertificateProblem
{
    /// <summary>The server sent none.</summary>
    Missing,

    /// <summary>It has expired, or is not valid yet.</summary>
    NotValidNow,

    /// <summary>No trusted authority signed it.</summary>
    UnknownAuthority,

    /// <summary>It is made out to another name.</summary>
    WrongName,
}
