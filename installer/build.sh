#!/usr/bin/env bash
# Builds a native Casebook package with the JDK's jpackage.
#   installer/build.sh              an app image (a folder with its own Java runtime) in target/installer
#   installer/build.sh deb          a Debian package (needs dpkg and fakeroot)
#   installer/build.sh msi|dmg      on Windows (WiX 3) or macOS
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
./mvnw -q -DskipTests package
rm -rf target/installer target/installer-input
mkdir -p target/installer-input
cp target/casebook.jar target/installer-input/
jpackage --type "$type" --name Casebook --app-version "$version" \
  --vendor "Casebook" --description "Offline evidence vault and court bundle builder" \
  --input target/installer-input --main-jar casebook.jar --main-class org.casebook.Launcher \
  --java-options "-Xmx1g -Dprism.lcdtext=false" \
  --dest target/installer
echo "Built $type in target/installer"
