# bash's pattern substitution, case changes, $'…' and IFS splitting in a script, its syntax errors; ash and dash beside it
docker run -it --rm debian bash
f=informe.final.txt; echo ${f/final/v2} ${f//./_} ${f/%txt/md} ${f^^} ${f^}
nums=(uno dos tres); echo "${nums[@]/#/n-}" ${nums[@]^}
echo $'col1\tcol2' $'\x41\u0042'
IFS=:; for d in $PATH; do echo "[$d]"; done; unset IFS
(exit 3); echo $?
bash -c 'echo )'; echo $?
exit
docker run --rm alpine sh -c 'v=a-b-c; echo ${v//-/+} $'"'"'x\ty'"'"
docker run --rm debian sh -c 'v=abc; echo ${v/b/B}'
