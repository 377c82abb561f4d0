docker run -it --name venvs python:3.12 bash
python -m venv
python -m venv /opt/app/.venv
ls -l /opt/app/.venv /opt/app/.venv/bin
cat /opt/app/.venv/pyvenv.cfg
. /opt/app/.venv/bin/activate
echo $VIRTUAL_ENV
which python pip
pip list
pip install requests
pip freeze
python -c 'import requests; print("ok")'
deactivate
which python
python -c 'import requests'
/opt/app/.venv/bin/pip install 'requests>=2<3'
echo '{"ok": true, "n": [1, 2.5]}' | /opt/app/.venv/bin/python -m json.tool
python -m nada
exit
docker diff venvs
