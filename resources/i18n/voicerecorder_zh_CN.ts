<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Banner</name>
    <message>
        <location filename="../../voicerecorder/ui/widgets/banner.py" line="104"/>
        <location filename="../../voicerecorder/ui/widgets/banner.py" line="105"/>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/diagnostics_dialog.py" line="171"/>
        <source>About Voice Recorder</source>
        <translation>关于录音助手</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/diagnostics_dialog.py" line="173"/>
        <source>&lt;b&gt;Voice Recorder %1&lt;/b&gt;&lt;br&gt;Records a voice talent&apos;s sentences and sends them to Huawei Cloud MetaStudio to train a custom voice.</source>
        <translation>&lt;b&gt;录音助手 %1&lt;/b&gt;&lt;br&gt;录制配音员朗读的句子，并提交到华为云 MetaStudio 训练定制声音。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/diagnostics_dialog.py" line="176"/>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/diagnostics_dialog.py" line="177"/>
        <source>Diagnostics report</source>
        <translation>诊断报告</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/diagnostics_dialog.py" line="179"/>
        <source>Collecting information…</source>
        <translation>正在收集信息…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/diagnostics_dialog.py" line="180"/>
        <source>&amp;Copy report (no passwords or keys)</source>
        <translation>复制报告（不含密码和密钥）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/diagnostics_dialog.py" line="181"/>
        <source>Copy the diagnostics report to the clipboard</source>
        <translation>将诊断报告复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/diagnostics_dialog.py" line="182"/>
        <source>Open the &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/diagnostics_dialog.py" line="183"/>
        <source>Cl&amp;ose</source>
        <translation>关闭(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/diagnostics_dialog.py" line="197"/>
        <source>The report is on the clipboard. Paste it into your support request.</source>
        <translation>报告已复制到剪贴板。请粘贴到您的支持请求中。</translation>
    </message>
</context>
<context>
    <name>DialogLauncher</name>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/launcher.py" line="50"/>
        <source>S&amp;ettings…</source>
        <translation>设置(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/launcher.py" line="50"/>
        <source>&amp;Jobs…</source>
        <translation>任务(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/launcher.py" line="50"/>
        <source>Abo&amp;ut…</source>
        <translation>关于(&amp;U)…</translation>
    </message>
</context>
<context>
    <name>FindingList</name>
    <message>
        <location filename="../../voicerecorder/ui/widgets/finding_list.py" line="65"/>
        <source>Everything passed. Well done!</source>
        <translation>全部通过，做得好！</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/finding_list.py" line="86"/>
        <source>Check results</source>
        <translation>检查结果</translation>
    </message>
</context>
<context>
    <name>JobsWindow</name>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="158"/>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="165"/>
        <source>Training jobs</source>
        <translation>训练任务</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="159"/>
        <source>Show &amp;state:</source>
        <translation>显示状态(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="160"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="161"/>
        <source>Show jobs in this state</source>
        <translation>显示此状态的任务</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="162"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="163"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="164"/>
        <source>&amp;Delete job…</source>
        <translation>删除任务(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="167"/>
        <source>Voice</source>
        <translation>声音</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="167"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="167"/>
        <source>What it means</source>
        <translation>含义</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="167"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="168"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="168"/>
        <source>Job ID</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="168"/>
        <source>Voice asset ID</source>
        <translation>声音资产 ID</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="191"/>
        <source>Loading the jobs…</source>
        <translation>正在加载任务…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="200"/>
        <source>Deleted job %1.</source>
        <translation>已删除任务 %1。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="210"/>
        <source>Huawei Cloud: %1</source>
        <translation>华为云：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="216"/>
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="231"/>
        <source>Needs your action</source>
        <translation>需要您处理</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="248"/>
        <source>Select a job to delete it.</source>
        <translation>选择一个任务后可将其删除。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="250"/>
        <source>Delete the selected job.</source>
        <translation>删除所选任务。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="261"/>
        <source>Delete the job?</source>
        <translation>删除此任务？</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="262"/>
        <source>Delete the training job %1 from MetaStudio? This cannot be undone.</source>
        <translation>从 MetaStudio 删除训练任务 %1？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/jobs_window.py" line="271"/>
        <source>Deleting job %1…</source>
        <translation>正在删除任务 %1…</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../voicerecorder/ui/widgets/level_meter.py" line="74"/>
        <source>Peak %1 dBFS, average %2 dBFS</source>
        <translation>峰值 %1 dBFS，平均 %2 dBFS</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/level_meter.py" line="77"/>
        <source>clipping</source>
        <translation>削波</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/level_meter.py" line="87"/>
        <source>Input level meter</source>
        <translation>输入电平表</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/level_meter.py" line="88"/>
        <source>Input level: keep the peaks between -12 and -3 dBFS. Click CLIP to reset.</source>
        <translation>输入电平：让峰值保持在 -12 到 -3 dBFS 之间。点击 CLIP 可复位。</translation>
    </message>
</context>
<context>
    <name>MicrophonePage</name>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="172"/>
        <source>Microphone check</source>
        <translation>麦克风检查</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="173"/>
        <source>Choose the microphone, check the room is quiet and the level is right.</source>
        <translation>选择麦克风，确认房间安静、音量合适。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="174"/>
        <source>&amp;Microphone:</source>
        <translation>麦克风(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="175"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="176"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="177"/>
        <source>Refresh the list of microphones</source>
        <translation>刷新麦克风列表</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="178"/>
        <source>Room tone</source>
        <translation>环境底噪</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="179"/>
        <source>Press the button and stay completely silent for 5 seconds.</source>
        <translation>点击按钮后请保持完全安静 5 秒。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="180"/>
        <source>Measure room &amp;tone (5 s)</source>
        <translation>测量环境底噪（5 秒）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="181"/>
        <source>Headroom</source>
        <translation>余量测试</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="182"/>
        <source>Read this line as loudly as you will in the session:</source>
        <translation>请用本次录音中最大的音量朗读这一句：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="183"/>
        <source>S&amp;kip the checks</source>
        <translation>跳过检查(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="184"/>
        <source>Skip the room-tone and loud-line tests and go to Record</source>
        <translation>跳过环境底噪和大音量句子测试，直接去录音</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="347"/>
        <source>Test the &amp;loud line</source>
        <translation>测试大音量句子(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="213"/>
        <source>Opening the microphone…</source>
        <translation>正在打开麦克风…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="114"/>
        <source>Recording… %1 s of %2 s</source>
        <translation>录音中… %1 秒 / 共 %2 秒</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="127"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="246"/>
        <source>Recording at %1 Hz, mono.</source>
        <translation>以 %1 Hz 单声道录音。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="257"/>
        <source>⚠ This input only records at %1 Hz (telephone quality). Use a USB or wired microphone.</source>
        <translation>⚠ 此输入只能以 %1 Hz 录音（电话音质）。请使用 USB 或有线麦克风。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="263"/>
        <source>⚠ This looks like a Bluetooth headset; they record in narrow band. Use a wired microphone.</source>
        <translation>⚠ 这似乎是蓝牙耳机，蓝牙耳机只能窄带录音。请使用有线麦克风。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="270"/>
        <source>⚠ The earlier takes of this session were recorded with “%1”. Use the same microphone for every sentence.</source>
        <translation>⚠ 本会话之前的录音使用的是“%1”。请每一句都使用同一个麦克风。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="314"/>
        <source>Open &amp;privacy settings</source>
        <translation>打开隐私设置(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="347"/>
        <source>■ St&amp;op the loud line</source>
        <translation>■ 停止大音量测试(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="376"/>
        <source>Passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="377"/>
        <source>Passed with warnings</source>
        <translation>通过，但有提醒</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/microphone.py" line="378"/>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
</context>
<context>
    <name>QualityCheckPage</name>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="75"/>
        <source>Speaking speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="76"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="77"/>
        <source>Signal-to-noise ratio</source>
        <translation>信噪比</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="78"/>
        <source>Reverberation</source>
        <translation>混响</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="79"/>
        <source>Overall quality (DNSMOS)</source>
        <translation>总体质量（DNSMOS）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="80"/>
        <source>Background quietness (DNSMOS)</source>
        <translation>背景安静度（DNSMOS）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="84"/>
        <source>Cloud quality check</source>
        <translation>云端质量检测</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="86"/>
        <source>Optional: MetaStudio measures a sample of your takes. You can skip this step.</source>
        <translation>可选：MetaStudio 会抽样检测您的录音。此步骤可以跳过。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="89"/>
        <source>The check uploads about a minute of your takes and takes a few minutes. Metrics outside the expected range come with advice.</source>
        <translation>检测会上传约一分钟的录音，需要几分钟。超出期望范围的指标会附带建议。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="92"/>
        <source>&amp;Start the quality check</source>
        <translation>开始质量检测(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="93"/>
        <source>Quality metrics: expected and measured values with advice</source>
        <translation>质量指标：期望值、实测值及建议</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="96"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="97"/>
        <source>Expected</source>
        <translation>期望值</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="98"/>
        <source>Measured</source>
        <translation>实测值</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="99"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="100"/>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="129"/>
        <source>The quality check failed: %1</source>
        <translation>质量检测失败：%1</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="135"/>
        <source>Checked by: %1</source>
        <translation>检测方：%1</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="158"/>
        <source>✖ Out of range</source>
        <translation>✖ 超出范围</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="158"/>
        <source>✔ In range</source>
        <translation>✔ 在范围内</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/quality_check.py" line="153"/>
        <source>Overall advice: %1</source>
        <translation>总体建议：%1</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="155"/>
        <source>Record</source>
        <translation>录音</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="156"/>
        <source>Read the sentence naturally, at your usual distance from the microphone.</source>
        <translation>请自然地朗读句子，与麦克风保持平时的距离。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="157"/>
        <source>Text &amp;size:</source>
        <translation>字号(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="158"/>
        <source>Text size of the sentence</source>
        <translation>句子的字号</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="159"/>
        <source>⟲ Re-record (R)</source>
        <translation>⟲ 重录（R）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="162"/>
        <source>Keys: Space = record / stop · P = play / stop the selected take · R = re-record · ← / → = previous / next sentence</source>
        <translation>按键：空格 = 录音 / 停止 · P = 播放 / 停止所选录音 · R = 重录 · ← / → = 上一句 / 下一句</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="166"/>
        <source>&amp;Go to the next sentence after a passing take</source>
        <translation>录音通过后自动进入下一句(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="167"/>
        <source>Sentence to read</source>
        <translation>要朗读的句子</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="314"/>
        <source>The microphone is not open yet. Wait a moment or go back to the microphone check.</source>
        <translation>麦克风尚未打开。请稍候，或返回麦克风检查。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="368"/>
        <source>● Record (Space)</source>
        <translation>● 录音（空格）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="369"/>
        <source>■ Stop (Space)</source>
        <translation>■ 停止（空格）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="370"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="401"/>
        <source>Sentence %1 / %2</source>
        <translation>第 %1 句 / 共 %2 句</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="413"/>
        <source>All rejected sentences have a new passing take. Click Next to submit again.</source>
        <translation>所有被驳回的句子都已重新录制并通过。点击“下一步”重新提交。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="418"/>
        <source>Re-recording %1 rejected sentences. ← / → and the list move among them only.</source>
        <translation>正在重录 %1 个被驳回的句子。← / → 和列表只在这些句子之间切换。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="437"/>
        <source>Working for %1 · %2 sentences left, about %3</source>
        <translation>已录制 %1 · 还剩 %2 句，约 %3</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="449"/>
        <source>You have been recording for a long stretch. Take a 5-minute break: drink some water and rest your voice.</source>
        <translation>您已经连续录制了很长时间。请休息 5 分钟：喝点水，让嗓子放松一下。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/record.py" line="452"/>
        <source>I took a b&amp;reak</source>
        <translation>我已休息(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RecordingWizard</name>
    <message>
        <location filename="../../voicerecorder/ui/wizard.py" line="106"/>
        <source>Read-only: another program is changing this session. You can browse and listen; to record, close the session there, go Back and continue it again.</source>
        <translation>只读：另一个程序正在更改这个会话。您可以浏览和试听；要录音，请先在那边关闭会话，然后点“上一步”再继续这个会话。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/wizard.py" line="175"/>
        <source>Voice Recorder — record your voice for MetaStudio</source>
        <translation>录音助手 — 为 MetaStudio 录制您的声音</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/wizard.py" line="202"/>
        <source>Recording in progress</source>
        <translation>正在录音</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/wizard.py" line="203"/>
        <source>A take is being recorded. Keep recording, or stop, keep the take and close?</source>
        <translation>正在录制一条录音。继续录音，还是停止、保留这条录音并关闭？</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/wizard.py" line="204"/>
        <source>&amp;Keep recording</source>
        <translation>继续录音(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/wizard.py" line="205"/>
        <source>&amp;Stop, keep the take and close</source>
        <translation>停止、保留录音并关闭(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/wizard.py" line="211"/>
        <source>Close Voice Recorder?</source>
        <translation>关闭录音助手？</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/wizard.py" line="213"/>
        <source>Everything recorded so far is saved. You can continue this session later: start Voice Recorder and press Enter on the Start page.</source>
        <translation>目前录制的内容都已保存。之后可以继续这个会话：启动录音助手，在开始页按 Enter。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/wizard.py" line="216"/>
        <source>S&amp;tay</source>
        <translation>留下(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/wizard.py" line="217"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="102"/>
        <source>Review</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="104"/>
        <source>Check every sentence before sending. Press Enter on a sentence to record it again.</source>
        <translation>提交前请检查每一句。在某句上按回车键即可重新录制。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="106"/>
        <source>Show only sentences that need &amp;attention</source>
        <translation>只显示需要处理的句子(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="107"/>
        <source>▶ &amp;Play take</source>
        <translation>▶ 播放录音(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="108"/>
        <source>Play the selected take</source>
        <translation>播放所选录音</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="109"/>
        <source>⟲ &amp;Re-record this sentence</source>
        <translation>⟲ 重新录制这一句(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="110"/>
        <source>Go back and record the selected sentence again</source>
        <translation>返回并重新录制所选句子</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="111"/>
        <source>Sentences with their verdict, duration and loudness</source>
        <translation>各句的结论、时长和响度</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="114"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="115"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="116"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="117"/>
        <source>Loudness</source>
        <translation>响度</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="118"/>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="119"/>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="151"/>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="152"/>
        <source>Usable (warnings)</source>
        <translation>可用（有提醒）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="153"/>
        <source>Record again</source>
        <translation>重新录制</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="154"/>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="155"/>
        <source>Not recorded</source>
        <translation>未录制</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="170"/>
        <source>%1 good · %2 usable with warnings · %3 to record again · %4 not recorded yet</source>
        <translation>%1 条良好 · %2 条可用但有提醒 · %3 条需重录 · %4 条尚未录制</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="179"/>
        <source>ⓘ The microphone checks (room tone, loud line) were skipped for this session.</source>
        <translation>ⓘ 本会话跳过了麦克风检查（环境底噪、大音量句子）。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="189"/>
        <source>and %1 more</source>
        <translation>等，另有 %1</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="191"/>
        <source>Not recorded yet: sentences %1. Record them.</source>
        <translation>尚未录音：第 %1 句。请录制。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="193"/>
        <source>Failed the check: sentences %1. Record them again, or choose a passing take in the take list of the Record page.</source>
        <translation>未通过检查：第 %1 句。请重新录制，或在录音页的录音列表中选择一条通过的录音。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="196"/>
        <source>Rejected by the MetaStudio review: sentences %1. Record them again.</source>
        <translation>未通过 MetaStudio 审核：第 %1 句。请重新录制。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="198"/>
        <source>Not checked yet: sentences %1. Record them again or choose a checked take.</source>
        <translation>尚未检查：第 %1 句。请重新录制，或选择一条已检查的录音。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="201"/>
        <source>You cannot go on yet:</source>
        <translation>暂时还不能继续：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="210"/>
        <source>&amp;Go to sentence %1</source>
        <translation>转到第 %1 句(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="220"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="221"/>
        <source>%1 dBFS</source>
        <translation>%1 dBFS</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/review.py" line="235"/>
        <source>The MetaStudio review rejected this sentence.</source>
        <translation>MetaStudio 审核未通过这一句。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="66"/>
        <source>MetaStudio&apos;s reviewer rejected the job without naming a recording.</source>
        <translation>MetaStudio 审核人员驳回了任务，但未指出具体录音。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="68"/>
        <source>The recording could not be cut into sentences.</source>
        <translation>录音无法切分为句子。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="70"/>
        <source>The trained voice was rejected in your review.</source>
        <translation>训练出的声音在您的确认中被驳回。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="72"/>
        <source>The trained voice waits for your approval.</source>
        <translation>训练出的声音等待您确认。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="79"/>
        <source>The reviewer named no sentence: the authorization letter is what must change. Choose a new signed letter (PDF, JPG or PNG). It is sent to the same job and the job is submitted again; the recordings are not sent again.</source>
        <translation>审核人员未指出具体句子：需要更换的是授权书。请选择一份新的已签字授权书（PDF、JPG 或 PNG）。它会发送到同一个任务，并再次提交该任务；录音不会重新上传。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="85"/>
        <source>MetaStudio could not cut the recording into sentences, and this job cannot go on. Record again with a clear pause of 2–3 seconds between sentences, then submit as a new job. The old job can be deleted in the Jobs window.</source>
        <translation>MetaStudio 无法将录音切分为句子，此任务无法继续。请重新录制，句与句之间留出 2–3 秒的明显停顿，然后作为新任务提交。旧任务可在“任务”窗口中删除。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="91"/>
        <source>The trained voice was rejected in your review, and this job cannot be trained again. Record again the sentences that sounded wrong, then submit as a new job. The old job can be deleted in the Jobs window.</source>
        <translation>训练出的声音在您的确认中被驳回，此任务无法再次训练。请重新录制听起来有问题的句子，然后作为新任务提交。旧任务可在“任务”窗口中删除。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="98"/>
        <source>The trained voice waits for your approval, which only the MetaStudio console can give. Sign in at %1, open MetaStudio, then Voice training, find job %2, listen to the voice and accept or reject it there. Then press Check now.</source>
        <translation>训练出的声音等待您确认，只能在 MetaStudio 控制台中确认。请登录 %1，打开 MetaStudio，进入“声音训练”，找到任务 %2，试听后在那里接受或驳回。然后点击“立即检查”。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="108"/>
        <source>What MetaStudio&apos;s review said:</source>
        <translation>MetaStudio 审核意见：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="110"/>
        <source>The review&apos;s reasons</source>
        <translation>审核给出的原因</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="112"/>
        <source>What to do next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="113"/>
        <source>Choose a new authorization &amp;letter</source>
        <translation>选择新的授权书(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="114"/>
        <source>Back to &amp;recording</source>
        <translation>返回录音(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/review_panel.py" line="115"/>
        <source>Submit as a ne&amp;w job</source>
        <translation>作为新任务提交(&amp;W)</translation>
    </message>
</context>
<context>
    <name>RunningTotal</name>
    <message>
        <location filename="../../voicerecorder/ui/widgets/running_total.py" line="84"/>
        <source>Total %1 · looking up the limits…</source>
        <translation>合计 %1 · 正在查询时长要求…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/running_total.py" line="86"/>
        <source>Total %1 · limits unknown</source>
        <translation>合计 %1 · 时长要求未知</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/running_total.py" line="91"/>
        <source>Total %1 of %2</source>
        <translation>合计 %1（要求 %2）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/running_total.py" line="99"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/running_total.py" line="101"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/running_total.py" line="102"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/running_total.py" line="107"/>
        <source>at most %1</source>
        <translation>最多 %1</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/running_total.py" line="109"/>
        <source>at least %1</source>
        <translation>至少 %1</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/running_total.py" line="111"/>
        <source>%1–%2 min</source>
        <translation>%1–%2 分钟</translation>
    </message>
</context>
<context>
    <name>SegmentStatesView</name>
    <message>
        <location filename="../../voicerecorder/ui/widgets/segment_states.py" line="77"/>
        <source>%1 of %2 confirmed by MetaStudio</source>
        <translation>MetaStudio 已确认 %1 / %2 句</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/segment_states.py" line="79"/>
        <source>%1 uploading</source>
        <translation>%1 句正在上传</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/segment_states.py" line="80"/>
        <source>%1 waiting</source>
        <translation>%1 句等待发送</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/segment_states.py" line="81"/>
        <source>%1 rejected</source>
        <translation>%1 句未通过</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/segment_states.py" line="84"/>
        <source>Re-record n&amp;ow</source>
        <translation>立即重录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/segment_states.py" line="89"/>
        <source>Sentences at MetaStudio</source>
        <translation>MetaStudio 上的句子状态</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/segment_states.py" line="96"/>
        <source>… This sentence: waiting to be sent</source>
        <translation>… 本句：等待发送</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/segment_states.py" line="97"/>
        <source>↑ This sentence: uploading</source>
        <translation>↑ 本句：正在上传</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/segment_states.py" line="98"/>
        <source>✔ This sentence: confirmed by MetaStudio</source>
        <translation>✔ 本句：MetaStudio 已确认</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/segment_states.py" line="99"/>
        <source>✖ This sentence: rejected by MetaStudio</source>
        <translation>✖ 本句：MetaStudio 未通过</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="210"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="211"/>
        <source>&amp;Huawei Cloud</source>
        <translation>华为云(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="212"/>
        <source>A&amp;pp</source>
        <translation>应用(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="213"/>
        <source>Use the &amp;sandbox (a local test service; nothing leaves this computer)</source>
        <translation>使用沙箱(&amp;S)（本地测试服务，数据不会离开本机）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="214"/>
        <source>Custom URL…</source>
        <translation>自定义地址…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="216"/>
        <source>&amp;Region:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="216"/>
        <source>Endpoint &amp;URL:</source>
        <translation>服务地址(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="217"/>
        <source>&amp;Project ID:</source>
        <translation>项目 ID(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="217"/>
        <source>&amp;Access key (AK):</source>
        <translation>访问密钥 ID（AK）(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="218"/>
        <source>Se&amp;cret key (SK):</source>
        <translation>私有访问密钥（SK）(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="218"/>
        <source>IAM us&amp;er:</source>
        <translation>IAM 用户(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="219"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="219"/>
        <source>Account (&amp;domain):</source>
        <translation>账号（租户名）(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="220"/>
        <source>App user ID (third-part&amp;y):</source>
        <translation>应用用户 ID（第三方）(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="225"/>
        <source>32 characters; empty = look it up</source>
        <translation>32 个字符；留空则自动查询</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="228"/>
        <source>Optional: the user a reseller&apos;s job is for, sent as X-App-UserId (ASCII only)</source>
        <translation>可选：经销商为哪位用户创建任务，作为 X-App-UserId 发送（仅限 ASCII 字符）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="231"/>
        <source>Sign in with an access &amp;key</source>
        <translation>使用访问密钥登录(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="232"/>
        <source>Sign in as an &amp;IAM user</source>
        <translation>以 IAM 用户登录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="233"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="234"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="235"/>
        <source>Default &amp;microphone:</source>
        <translation>默认麦克风(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="236"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="237"/>
        <source>Data &amp;folder:</source>
        <translation>数据文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="238"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="240"/>
        <source>Default microphone</source>
        <translation>默认麦克风</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="241"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="242"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="243"/>
        <source>Default folder</source>
        <translation>默认文件夹</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="244"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="245"/>
        <source>A new data folder is used after the app is restarted.</source>
        <translation>新的数据文件夹将在重新启动应用后生效。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="246"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="247"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="263"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="292"/>
        <source>%1 is set: “%2” is sent as the app user ID instead of this field&apos;s value.</source>
        <translation>已设置 %1：将发送“%2”作为应用用户 ID，而不是此处填写的值。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="369"/>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/dialogs/settings_dialog.py" line="417"/>
        <source>Choose the data folder</source>
        <translation>选择数据文件夹</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="134"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="136"/>
        <source>Record the sentences for your MetaStudio voice. Start a new session or continue one.</source>
        <translation>为您的 MetaStudio 声音录制句子。新建会话或继续已有会话。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="138"/>
        <source>Ne&amp;w session — enter the voice details and choose the script</source>
        <translation>新建会话(&amp;W) — 填写声音信息并选择文稿</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="139"/>
        <source>&amp;Continue a session:</source>
        <translation>继续已有会话(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="141"/>
        <source>Voice name</source>
        <translation>声音名称</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="141"/>
        <source>Edition</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="141"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="141"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="143"/>
        <source>Recent sessions</source>
        <translation>最近的会话</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="144"/>
        <source>&amp;Open a session folder…</source>
        <translation>打开会话文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="145"/>
        <source>&amp;Language / 语言:</source>
        <translation>语言 / Language(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="146"/>
        <source>User interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="224"/>
        <source>Opening the session…</source>
        <translation>正在打开会话……</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="245"/>
        <source>Open &amp;read-only</source>
        <translation>以只读方式打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="272"/>
        <source>Open a session folder</source>
        <translation>打开会话文件夹</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/start.py" line="287"/>
        <source>%1 is not a session folder (it has no session.json).</source>
        <translation>%1 不是录音会话文件夹（其中没有 session.json）。</translation>
    </message>
</context>
<context>
    <name>SubmitPage</name>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="88"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="89"/>
        <source>Send the recordings to MetaStudio to train the voice.</source>
        <translation>将录音提交到 MetaStudio 训练声音。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="90"/>
        <source>Cloud &amp;settings…</source>
        <translation>云服务设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="91"/>
        <source>Authorization &amp;letter (optional):</source>
        <translation>授权书（可选）(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="92"/>
        <source>A signed letter as PDF, JPG or PNG</source>
        <translation>已签字的授权书（PDF、JPG 或 PNG）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="93"/>
        <source>Authorization letter file</source>
        <translation>授权书文件</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="94"/>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="95"/>
        <source>Clea&amp;r</source>
        <translation>清除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="96"/>
        <source>Remove the authorization letter</source>
        <translation>移除授权书</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="97"/>
        <source>U&amp;pload and submit</source>
        <translation>上传并提交(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="127"/>
        <source>Sentence by sentence: %1 of %2 confirmed by MetaStudio. Not confirmed yet: %3. Submit sends what is waiting, then submits the job; a rejected sentence must be recorded again first.</source>
        <translation>逐句提交：MetaStudio 已确认 %1 / %2 句。尚未确认：%3。提交时会先发送等待中的句子，再提交任务；未通过的句子须先重新录制。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="137"/>
        <source>Sentence by sentence: all %1 sentences are confirmed by MetaStudio. Submit submits the job with the voice details.</source>
        <translation>逐句提交：全部 %1 句均已由 MetaStudio 确认。提交会将任务连同声音信息一并提交。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="156"/>
        <source>Finding out where the recordings go…</source>
        <translation>正在确定录音的提交目标…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="159"/>
        <source>Destination: %1</source>
        <translation>提交目标：%1</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="161"/>
        <source>✔ Huawei Cloud credentials are set.</source>
        <translation>✔ 已设置华为云凭证。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="165"/>
        <source>No Huawei Cloud credentials are set, so the sandbox is used. Add them in the cloud settings.</source>
        <translation>尚未设置华为云凭证，因此使用本地沙箱。请在云服务设置中添加。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="179"/>
        <source>Choose the authorization letter</source>
        <translation>选择授权书</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="181"/>
        <source>Letters (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>授权书 (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="210"/>
        <source>Job %1 failed: %2. A failed job cannot be resumed: press Submit to create a new job with the same recordings.</source>
        <translation>任务 %1 失败：%2。失败的任务无法继续：请点击提交，用同样的录音创建新任务。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/submit.py" line="215"/>
        <source>Submitted. Job ID: %1</source>
        <translation>已提交。任务 ID：%1</translation>
    </message>
</context>
<context>
    <name>TakeHistory</name>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="120"/>
        <source>chosen</source>
        <translation>已选用</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="121"/>
        <source>playing</source>
        <translation>播放中</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="125"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="140"/>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="141"/>
        <source>Usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="142"/>
        <source>Record again</source>
        <translation>重新录制</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="143"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="147"/>
        <source>Imported (%1)</source>
        <translation>导入（%1）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="148"/>
        <source>Recorded</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="148"/>
        <source>Recovered</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="153"/>
        <source>■ Stop (P)</source>
        <translation>■ 停止（P）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="153"/>
        <source>▶ Play take (P)</source>
        <translation>▶ 播放录音（P）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="159"/>
        <source>Takes of this sentence:</source>
        <translation>这一句的录音：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="160"/>
        <source>Takes of this sentence</source>
        <translation>这一句的录音</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="162"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="162"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="162"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="162"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="162"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="164"/>
        <source>Use this ta&amp;ke</source>
        <translation>使用这条录音(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_history.py" line="165"/>
        <source>Use the selected take for this sentence</source>
        <translation>这一句使用所选的录音</translation>
    </message>
</context>
<context>
    <name>TakeList</name>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_list.py" line="74"/>
        <source>Passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_list.py" line="75"/>
        <source>Passed with warnings</source>
        <translation>通过，但有提醒</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_list.py" line="76"/>
        <source>Must be recorded again</source>
        <translation>需要重新录制</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_list.py" line="77"/>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_list.py" line="78"/>
        <source>Not recorded yet</source>
        <translation>尚未录制</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/take_list.py" line="81"/>
        <source>Sentences and their takes</source>
        <translation>句子及其录音</translation>
    </message>
</context>
<context>
    <name>TrackPage</name>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="119"/>
        <source>Track</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="121"/>
        <source>Follow the review and training of your voice. You can close the app; the job continues.</source>
        <translation>查看声音的审核与训练进度。关闭应用后任务仍会继续。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="123"/>
        <source>Job states over time</source>
        <translation>任务状态时间线</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="124"/>
        <source>Sentences to record again</source>
        <translation>需要重录的句子</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="125"/>
        <source>&amp;Check now</source>
        <translation>立即检查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="126"/>
        <source>Copy &amp;asset ID</source>
        <translation>复制资产 ID(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="127"/>
        <source>&amp;Re-record these sentences</source>
        <translation>重录这些句子(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="128"/>
        <source>Re&amp;submit</source>
        <translation>重新提交(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="130"/>
        <source>The review rejected these sentences. Record them again, then resubmit:</source>
        <translation>审核未通过以下句子。请重新录制后再次提交：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="191"/>
        <source>Choose the new authorization letter</source>
        <translation>选择新的授权书</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="193"/>
        <source>Letters (%1)</source>
        <translation>授权书 (%1)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="248"/>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="257"/>
        <source>Job ID: %1</source>
        <translation>任务 ID：%1</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="257"/>
        <source>Nothing submitted yet.</source>
        <translation>尚未提交。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="271"/>
        <source>Voice asset ID: %1</source>
        <translation>声音资产 ID：%1</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="275"/>
        <source>The job failed: %1. Submit again to create a new job.</source>
        <translation>任务失败：%1。请重新提交以创建新任务。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/track.py" line="283"/>
        <source>This job was deleted (%1). Submit as a new job to go on.</source>
        <translation>此任务已被删除（%1）。请作为新任务提交以继续。</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../voicerecorder/ui/widgets/verdict_panel.py" line="44"/>
        <source>Recording… press Space when you have finished the sentence.</source>
        <translation>录音中… 读完这句后按空格键。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/verdict_panel.py" line="48"/>
        <source>✔ Good take.</source>
        <translation>✔ 录得很好。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/verdict_panel.py" line="49"/>
        <source>⚠ Usable, but see the advice below.</source>
        <translation>⚠ 可以使用，但请看下面的建议。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/verdict_panel.py" line="50"/>
        <source>✖ Record this sentence again — see why below.</source>
        <translation>✖ 请重新录制这一句 — 原因见下方。</translation>
    </message>
</context>
<context>
    <name>VoiceOptions</name>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="122"/>
        <source>Mo&amp;re options</source>
        <translation>更多选项(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="123"/>
        <source>More options</source>
        <translation>更多选项</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="125"/>
        <source>Used for:</source>
        <translation>用于：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="125"/>
        <source>Output langu&amp;age:</source>
        <translation>输出语言(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="126"/>
        <source>Previe&amp;w text:</source>
        <translation>试听文本(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="126"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="127"/>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="132"/>
        <source>2D avatar video</source>
        <translation>2D 数字人视频</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="132"/>
        <source>2D live streaming</source>
        <translation>2D 数字人直播</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="133"/>
        <source>2D chat</source>
        <translation>2D 数字人对话</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="139"/>
        <source>Not set (the service decides)</source>
        <translation>不指定（由服务决定）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="139"/>
        <source>Chinese (CN)</source>
        <translation>中文（CN）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="140"/>
        <source>English (EN)</source>
        <translation>英文（EN）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="144"/>
        <source>Output language</source>
        <translation>输出语言</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="145"/>
        <source>The sentence MetaStudio speaks with the new voice</source>
        <translation>MetaStudio 用新声音朗读的试听句子</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="146"/>
        <source>Preview text</source>
        <translation>试听文本</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="147"/>
        <source>Pa&amp;y per use (on-demand training resource)</source>
        <translation>按需计费（按需训练资源）(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="148"/>
        <source>+86 138 0000 0000</source>
        <translation>+86 138 0000 0000</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="149"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/voice_options.py" line="150"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>VoicePage</name>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="151"/>
        <source>Voice details</source>
        <translation>声音信息</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="153"/>
        <source>These details are sent with the training job. Fields marked * are required.</source>
        <translation>这些信息会随训练任务一起提交。带 * 的为必填项。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="156"/>
        <source>Voice na&amp;me *</source>
        <translation>声音名称(&amp;M) *</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="156"/>
        <source>&amp;Sex</source>
        <translation>性别(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="156"/>
        <source>Scenario &amp;tag</source>
        <translation>场景标签(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="157"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="157"/>
        <source>Editi&amp;on</source>
        <translation>版本(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="163"/>
        <source>e.g. Lin Xiaoyu – warm narrator</source>
        <translation>例如：林晓雨 – 温暖旁白</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="158"/>
        <source>Sendin&amp;g</source>
        <translation>提交方式(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="165"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="165"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="165"/>
        <source>Chinese (CN)</source>
        <translation>中文（CN）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="166"/>
        <source>English (EN)</source>
        <translation>英文（EN）</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="166"/>
        <source>Basic — 20 sentences</source>
        <translation>基础版 — 20 句</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="167"/>
        <source>Middle — 100 sentences</source>
        <translation>进阶版 — 100 句</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="168"/>
        <source>Advance (premium) — 500 sentences or more</source>
        <translation>高级版 — 500 句或更多</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="169"/>
        <source>E-commerce</source>
        <translation>电商</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="170"/>
        <source>News</source>
        <translation>新闻</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="170"/>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="170"/>
        <source>Live streaming</source>
        <translation>直播</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="171"/>
        <source>Education</source>
        <translation>教育</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="172"/>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="172"/>
        <source>Storytelling</source>
        <translation>故事讲述</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="173"/>
        <source>Record everything, then upload</source>
        <translation>全部录完后再上传</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="174"/>
        <source>MetaStudio confirms each sentence while you record</source>
        <translation>录音时由 MetaStudio 逐句确认</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="179"/>
        <source>Script</source>
        <translation>文稿</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="180"/>
        <source>Built-in s&amp;cript</source>
        <translation>内置文稿(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="181"/>
        <source>&amp;Import a script file</source>
        <translation>导入文稿文件(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="182"/>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="183"/>
        <source>The script, or the problems found in it</source>
        <translation>文稿内容或其中发现的问题</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="228"/>
        <source>There is no built-in ADVANCE script for this tag and language yet. Import a script file of %1 or more sentences.</source>
        <translation>此标签和语言暂无内置的高级版（ADVANCE）文稿。请导入一个不少于 %1 句的文稿文件。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="244"/>
        <source>The built-in script for this tag has %1 sentences:</source>
        <translation>此标签的内置文稿共 %1 句：</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="256"/>
        <source>Studio quality: 500 or more sentences, recorded one by one and delivered to MetaStudio as one long recording.</source>
        <translation>录音棚品质：500 句或更多，逐句录制，以一段完整的长录音提交给 MetaStudio。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="268"/>
        <source>The ADVANCE edition goes up as one long recording, so MetaStudio cannot confirm it sentence by sentence: it is always sent as one package.</source>
        <translation>高级版（ADVANCE）以一段完整的长录音上传，MetaStudio 无法逐句确认，因此总是打包提交。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="289"/>
        <source>Choose a script file: one sentence per line (.txt), or id and text (.tsv, .csv).</source>
        <translation>请选择文稿文件：每行一句（.txt），或“编号 + 文本”（.tsv、.csv）。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="296"/>
        <source>%1: %2 sentences, %3 errors, %4 warnings.</source>
        <translation>%1：%2 句，%3 个错误，%4 个提醒。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="304"/>
        <source>Import a script</source>
        <translation>导入文稿</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="304"/>
        <source>Scripts (*.txt *.tsv *.csv)</source>
        <translation>文稿 (*.txt *.tsv *.csv)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="314"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1……</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="385"/>
        <source>Creating the session…</source>
        <translation>正在创建会话……</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="427"/>
        <source>Choose a script file to import, or use the built-in script.</source>
        <translation>请选择要导入的文稿文件，或使用内置文稿。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="429"/>
        <source>The script has errors (marked red). Fix them in the file and import it again.</source>
        <translation>文稿中有错误（红色标记）。请在文件中修改后重新导入。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/pages/voice.py" line="431"/>
        <source>The script&apos;s language does not match the voice language.</source>
        <translation>文稿语言与声音语言不一致。</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <location filename="../../voicerecorder/ui/widgets/waveform.py" line="84"/>
        <source>Waveform of the take</source>
        <translation>录音波形</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/waveform.py" line="86"/>
        <source>Recording: %1 s</source>
        <translation>录音中：%1 秒</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/waveform.py" line="88"/>
        <source>%1 seconds</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/waveform.py" line="90"/>
        <location filename="../../voicerecorder/ui/widgets/waveform.py" line="121"/>
        <source>No take recorded yet</source>
        <translation>尚未录音</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/widgets/waveform.py" line="140"/>
        <source>● REC %1 s</source>
        <translation>● 录音 %1 秒</translation>
    </message>
</context>
<context>
    <name>WorkflowProgress</name>
    <message>
        <location filename="../../voicerecorder/ui/workflow_progress.py" line="86"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/workflow_progress.py" line="87"/>
        <source>Cancel the running step</source>
        <translation>取消正在进行的步骤</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/workflow_progress.py" line="88"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/workflow_progress.py" line="123"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/workflow_progress.py" line="129"/>
        <source>%1 · %2/s · about %3 s left</source>
        <translation>%1 · %2/秒 · 约剩 %3 秒</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../voicerecorder/ui/error_message.py" line="28"/>
        <source>Something went wrong (%1). Your recordings are saved. Details are in the log file %2.</source>
        <translation>出现了问题（%1）。您的录音已保存。详细信息见日志文件 %2。</translation>
    </message>
    <message>
        <location filename="../../voicerecorder/ui/app.py" line="66"/>
        <source>Voice Recorder — error</source>
        <translation>录音助手 — 错误</translation>
    </message>
</context>
</TS>
