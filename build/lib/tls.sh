# shellcheck shell=bash
# TLS certificates for the test engine's TCP listener, made with openssl.
#
# Source this file, then:
#   rind_tls_material DIR   make them in DIR, unless they are there and valid
#
# DIR then holds:
#   ca.pem ca-key.pem              the authority that signs both sides
#   server-cert.pem server-key.pem the engine's (127.0.0.1 and localhost)
#   client/                        ca.pem cert.pem key.pem, as the Docker CLI
#                                  reads them from DOCKER_CERT_PATH
#   client-wrong-ca/               the same cert.pem and key.pem, with the
#                                  ca.pem of an unrelated authority: a client
#                                  that must refuse the engine
#
# Keys are RSA 2048 (quick to make, read by every TLS stack), modes 0600.

# Days the certificates are valid; they are made again once expired.
RIND_TLS_DAYS=3650

_rind_tls_say() { echo "rind-tls: $*" >&2; }

# Are the files in $1 all there, consistent and valid for at least a day?
_rind_tls_valid() {
  local dir=$1 file
  for file in ca.pem ca-key.pem server-cert.pem server-key.pem \
    client/{ca,cert,key}.pem client-wrong-ca/{ca,cert,key}.pem; do
    [[ -s $dir/$file ]] || return 1
  done
  for file in ca.pem server-cert.pem client/cert.pem client-wrong-ca/ca.pem; do
    openssl x509 -noout -checkend 86400 -in "$dir/$file" >/dev/null 2>&1 || return 1
  done
  # The engine and the client are signed by the CA; the unrelated CA is not
  # theirs; the client folders carry the same client certificate.
  openssl verify -CAfile "$dir/ca.pem" "$dir/server-cert.pem" "$dir/client/cert.pem" >/dev/null 2>&1 &&
    cmp -s "$dir/ca.pem" "$dir/client/ca.pem" &&
    ! openssl verify -CAfile "$dir/client-wrong-ca/ca.pem" "$dir/server-cert.pem" >/dev/null 2>&1 &&
    cmp -s "$dir/client/cert.pem" "$dir/client-wrong-ca/cert.pem" &&
    cmp -s "$dir/client/key.pem" "$dir/client-wrong-ca/key.pem"
}

# Makes a self-signed authority: key $1, certificate $2, common name $3.
_rind_tls_ca() {
  openssl req -x509 -new -newkey rsa:2048 -nodes -keyout "$1" -out "$2" \
    -days "$RIND_TLS_DAYS" -sha256 -subj "/CN=$3" \
    -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign,cRLSign
}

# Makes key $1 and certificate $2 for common name $3, signed by the CA in
# scratch folder $4, with the X.509 extensions in file $5.
_rind_tls_leaf() {
  openssl req -new -newkey rsa:2048 -nodes -keyout "$1" -out "$1.csr" -subj "/CN=$3" &&
    openssl x509 -req -in "$1.csr" -CA "$4/ca.pem" -CAkey "$4/ca-key.pem" -CAcreateserial \
      -days "$RIND_TLS_DAYS" -sha256 -extfile "$5" -out "$2"
}

rind_tls_material() {
  local dir=${1:?usage: rind_tls_material DIR}
  _rind_tls_valid "$dir" && return 0
  command -v openssl >/dev/null || { _rind_tls_say "missing openssl (run build/prerequisites.sh)"; return 1; }

  _rind_tls_say "making a CA and certificates in $dir"
  mkdir -p "$dir" || return 1
  # Made aside and moved into place at the end, so that a failure or an
  # interruption never leaves a half-made set behind.
  local new
  new=$(mktemp -d "$dir/.new.XXXXXX") || return 1
  if ! (
    set -e
    umask 077
    cd "$new"
    mkdir client client-wrong-ca
    printf '%s\n' 'subjectAltName = IP:127.0.0.1,DNS:localhost' \
      'extendedKeyUsage = serverAuth' 'keyUsage = critical,digitalSignature,keyEncipherment' >server.ext
    printf '%s\n' 'extendedKeyUsage = clientAuth' 'keyUsage = critical,digitalSignature' >client.ext

    _rind_tls_ca ca-key.pem ca.pem "rind test CA"
    _rind_tls_leaf server-key.pem server-cert.pem localhost . server.ext
    _rind_tls_leaf client/key.pem client/cert.pem "rind test client" . client.ext
    cp ca.pem client/ca.pem
    # Only the certificate of the unrelated authority is needed.
    _rind_tls_ca wrong-ca-key.pem client-wrong-ca/ca.pem "rind test unrelated CA"
    cp client/cert.pem client/key.pem client-wrong-ca/

    rm -f ./*.csr client/*.csr ./*.ext ./*.srl wrong-ca-key.pem
    chmod 0600 ca-key.pem server-key.pem client/key.pem client-wrong-ca/key.pem
    chmod 0644 ca.pem server-cert.pem client/{ca,cert}.pem client-wrong-ca/{ca,cert}.pem
    chmod 0755 client client-wrong-ca
  ) >"$new/openssl.log" 2>&1; then
    _rind_tls_say "openssl failed:"
    cat "$new/openssl.log" >&2
    rm -rf "$new"
    return 1
  fi

  rm -f "$new/openssl.log"
  rm -rf "$dir/client" "$dir/client-wrong-ca"
  mv -f "$new"/* "$dir"/ && rmdir "$new" || return 1
  _rind_tls_valid "$dir" || { _rind_tls_say "the certificates made in $dir do not check out"; return 1; }
}
