namespace Rind.Kubernetes;

/// <summary>
/// The credentials a request to the cluster carries: fixed ones, a token file read at use, or those an
/// exec credential plugin gives, run once when first needed.
/// </summary>
internal interface IClusterCredentials
{
    /// <exception cref="RindException">They cannot be had (a file is missing, a plugin failed), said in one line.</exception>
    ClusterCredential Get();
}
